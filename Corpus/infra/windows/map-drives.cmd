@echo off
cmdkey /add:fs01.corp.example.com /user:CORP\svc-helpdesk /pass:cactus-willow-thunder-15
cmdkey /add:fs02.corp.example.com /user:CORP\svc-helpdesk /pass
net use H: \\fs01.corp.example.com\helpdesk /persistent:yes
