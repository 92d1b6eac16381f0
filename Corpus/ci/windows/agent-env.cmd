# exported from the Windows build agent
SET SIRPORTLY_TOKEN=05dd0fce-ac4b-af7f-5fbe-d644b9c7d4eb
SET SIRPORTLY_SECRET=zieijm4jxjisg2awv8ksnkgi4pegsm0co1ttkdo5npz59prlss
SET BUILD_GUID={321480C8-15C2-4BD5-8450-1B02B38B2F87}
SET SQL_PASSWORD=canyon-juniper-summit-49
