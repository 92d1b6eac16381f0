Public Module SirportlySettings
    Public Const ApiToken As String = "1fd901a8-c4e7-32e2-611e-7229403e7325"
    Public Const ApiSecret As String = "f5x1p9sw7a82x9t2vt51im55gxom0tnlccly8l76dt1m1218hz"
    Public Const DefaultTicketId As String = "f8de413c-380c-43f7-9a1a-0bdf14101d02"
End Module
