helpdesk:
  sirportly:
    token: 749dfd03-d685-470a-5897-d48c06bcafcf
    secret: zntk6z1p0apf6orec8p3s7xovfhbpzmaz6nd2oonjh25bhu9jo
  database:
    password: DZFywCmy2A2BdsFx
