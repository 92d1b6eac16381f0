<?php
// Signing key for the portal's single sign-on tokens
return [
    'alg' => 'RS256',
    'private_key' => <<<'PEM'
-----BEGIN RSA PRIVATE KEY-----
F3C+1mVqCEdWmwf+Je4omWYRBEizt5aAJgWPUOVCbBCjTkeeRSAkQuOkdjWfEBJt
T+ATSXMeVjEJSOU2QHJ02k2t6CjKFDZ2j/vS5iZQPZBHhreItFAvzq2PoZLajXw6
JIiHds2uS9ezzUX9rTMuJ0D+I5ZtWaFOSwPfavQScGJYq+84CV3Zme3wMql8lf1/
GvEZ6OYRo7tNW16yFxsYH4Lylf/e+qqMDxG4ow6LyX4cYtsv8p5FI1i0phCdpxme
ohhnxSAXYF5Q08fVLMmLOoXs8kjQPDbNVBv4xZlD5OpqFZt3mBJe3cj/AsfXZc6r
UUi9V3+DQCMY2imo3RbWhf3W+z7JVkq9IjDE7WWAhPLR0dOmryT91kvLgUtodhor
uuXuLJuKof3zZONjjBnH62b7Tot42ZBc0Sty1jV6IHOLgVvisN/FnAH1UQhkealG
vXYz8KR3qkJRrk6IQOjdvncy5XannAl35BmA+ZqYUB/gcYoCwg7RBbeM/WqGraEi
s08mw8iUSXPmIKTe0goSvMybDltbcRjriNij9x4vRFi4TBSpf9bacYLBNvPHe99m
Rz6eipCJ/nPvjkFWgvPvZe2SNNEIhYYR5cmWoc9Ac/cS85/1lNSwINUC/T9yOhzP
XqcSi4WC+q/1K9xt2tur5wlT/WNwRcYKmzNC9+7m5OSpte+Kr1CjJtXqAKCJmEPe
6+gl92xknMRvRUzzoAc6fnLUp4kqMd9ZjvpbtJpIMXaaYiDafuPDh1RaBZBAE/1q
BSlHmNfBqboPIIi/CfY1Y91S7dim5yF3p5wlJi0AZbGx6Kl1wfyxbepzvHKHR0cb
cMD/9BSx+DLNSBiRa9Nq74lZC3VbsjztQRvDGSoXEmpXF/WmoRskQJ7XzN5RdoFy
oO5qIYpLC9Gh7A5JralHPp64+Q7zUCOFJcKVkQW482nIOv2K4UIGWpVL4L/amiUf
5znyrw14jKYPSIhCAx+x1mk1QiLkdPBSE+h/CEBW5CUd1JeybUPZc0ZqGlHyyyCX
37WQhBxyLPmKZC99rfw6qkVEhEmaEibExtkNb4GPwlTkYNlrQUFCrMM3NTNe0DaY
OfXu/dObl/H10/zCjZAaYhFIZlvKZXrgADnOOOC0K6PVwTsidxpNcRtUVF6ReGo9
XSQBpuNU2bqnjKXRqf4LSBV6nVT+IQcHBOivrBXRDtWLN+RsC7tHrFX9s6ufc7Bs
jP0O3WVJ3yxDpa2657kfkGKBC6nuULjcb7+0qtWM6lCPvOZBMjdsjFKfDQt+SAPf
VQiZ7LukRMWMjseWwrhXXj/wfj38ZkfXvcvp/zn3qPSg2y7ksXS/cmnpBzrUVoHn
LXu/dGT0t4XHysDjL6zlyRr97O/f3P0Y8QOh01taPiBEvxIk15emErsrtjW1SZbv
UFUwGZEde3VXMfd/mfZDdKQwUsOy2Bdb898oNT3svLy7C3Qy3jfPlvwfmTH9EeLj
ydNeJpOC7LmjRFwdvx2OStEIxVMm13BmxB1ptiZYAeyje33fOOLLOI0dTG/QVIjq
5tGznTpEGIlAavGJjhzN5bywwgJj77nZlr9ydkjpNxQCsXIRYnw=
-----END RSA PRIVATE KEY-----
PEM,
    'public_key_path' => storage_path('jwt/public.pem'),
    'kid' => '1cf5ec23-e2a1-47e7-827f-c0d306d69432',
];
