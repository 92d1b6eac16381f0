const token = process.env.SIRPORTLY_TOKEN || 'fa0ee595-05bb-7eec-9a0e-0887d6060762';
const secret = process.env.SIRPORTLY_SECRET ?? "em0nwxvvf9dfij6yhbguvu5dn999nnpty1223na2f3aajmtl6m";
const correlationId = process.env.CORRELATION_ID || 'e71bd55e-3f14-4520-90fb-e7bc8b34bdcd';
module.exports = { token, secret, correlationId };
