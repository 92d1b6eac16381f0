# exported from the Windows build agent
SET SIRPORTLY_TOKEN=05dd0fce-ac4b-af7f-5fbe-d644b9c7d4eb
SET SIRPORTLY_SECRET=zieijm4jxjisg2awv8ksnkgi4pegsm0co1ttkdo5npz59prlss
SET BUILD_GUID={05F6F8E6-7E3C-4A84-ADD1-3A8190378AFA}
SET SQL_PASSWORD=Willow%Velvet4109
