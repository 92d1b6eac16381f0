<?php
// Signing key for the portal's single sign-on tokens
return [
    'alg' => 'RS256',
    'private_key' => <<<'PEM'
-----BEGIN RSA PRIVATE KEY-----
8Ntax9EzsrK3X1ZlQjAuyBrjmPOCbDMG/0m0t7jV5sB5v6MFulkK9H8VKtUkNyLT
PeRCpaI4cvzUv1txUMKdic+YNLkiP8F3VeRxbbl//ts8G5uq7ZkWzqqkYy2TVIuo
AupYA0weeZt4hYmU+RCw5LdCtGdbmsrEGrf5P+Z5O8PP8wcZ4v5JOUljLqbhI817
BcitH5t8MYs2cOMlQ8d3bT/KMK8JWJPcdHMgp5++WOy979SWenk32YZavnzoDajy
kWmEo2yMr0djpfRTlOKE3XPo+C1+NxvWHjC5DQ1upJeOBZqXHxU6zfWX/TH7bSom
ndu7BqNZCmRRzJ1+j7U1h3JNndEBz9jvUfRewMeBXWfAnF/arqUWp0HcRKDILZsU
LJmLdQMaepx4wlcpTpF+fiGOz+bfWv6Fh5JDS+Duy3F3t4vmkunmbQ+4i2K8rJVN
BODAFIuUlHvmu4WIBn/wyCi33e7ifv7SAFxzJ7fxLegn1UmXuDyvygZILe9k0UGF
8WBFiyj9deAYFA6dD1UxRjvDhX/zjb2AElnEHi9cHqZ6SWOTWj4m/A4T5ZRsHMen
qIwPjIsBmX35cWWSy5rETgx3vtlExPgfDEfcf7e4wHobdPf3sVs60Usw2emWGUUk
CiCHlQYvfOHJ1JkB0kuxoaK2bAG+9G48hqOysaQb2bvAdgMOcDmB9en0sXRd1eJd
oaxpyihNqu/ML7Pri6UoPqlb2JlNy4w7kQqDEKtxT69XXdaD224htaKEamwPIfcX
9GI3BILRmHd1scY+qa6ZQyND1ef6xIYrUrDqku6G5jF0a6anXSv7+f0TUrsTTMyT
2B+ei0oruOaROph6DDZU761M54lmwwUuflfOq/B0+mwRx1wjuOmHui3nk216MM6S
Js5JJLm5aSjp+I3o4k9iSXkCFASbNmVKNwUBg3fdLFBTfwWlmXcc9ys5/p2oAyYc
RUma1NhXcDCAkZ13vqizz9VD/23eCjByKX6Z88IkAqXGx4mJcE9C60GctPLZm56f
rvyDQ5vWqaVsM10q//GyyQMNScIyMAeHYleJtbsierOHj9JVs3R/x+XtSQxzJ+A7
m541gtexJ6tIaghcLFHjMHEG6YOv8UqI2G4OvcJUv4KvdOhJ4WDStFKuVriX2541
BbSye2aKKUR8ozed2Thfhs3U7sYAxQDbzYJ2lVEwQzF5pZdj4ithMhSKXZei1M1E
TON9XVAqccOMMQC+x5x7w9ztALYgS1//uVFHyh+NpVQl0jIPLUwOFH0rmzGORRcg
GdHQ5psC2jLjeOi06byD/NePi0uSrNOB+27WoFFJ2hBnADe8Zln30TAyhGWbxHaF
NFJ9z6p9RbEzY6/wwm8wwlj7oLUpIG/j6EeU7uaPkz90xCQg7zisCq3fEdlGnYjd
Z28HuXV94XIFGJ2WQDIs/4VCnK9yfpIuHgkobXuFwTTtkfcLNkFuf+jfXKsnPkY7
u6c18Z/V/BZBtERtd2QPDBklUKjud0IAk/iJ/YlzvKeQ4trHpdn18bavK95XNHuB
cvlDNHMIOXh2QMjT4lzNvfjRjYqt1916w18BGxJhG1hkV/m9o8U=
-----END RSA PRIVATE KEY-----
PEM,
    'public_key_path' => storage_path('jwt/public.pem'),
    'kid' => 'c6399baa-7be3-499d-92ad-a2459dfdae7b',
];
