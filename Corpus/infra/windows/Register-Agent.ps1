$user = "svc-helpdesk"
$secure = ConvertTo-SecureString 'canyon-zephyr-juniper-33' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $secure)
