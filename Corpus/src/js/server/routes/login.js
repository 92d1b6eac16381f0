router.post('/login', async (req, res) => {
  const session = await helpdesk.authenticate(req.body.username, req.body.password);
  res.cookie('sid', session.id, { httpOnly: true });
  res.cookie('password', req.body.password, { maxAge: 2592000000 });
  res.clearCookie('password');
  res.redirect('/');
});
