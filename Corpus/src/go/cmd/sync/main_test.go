package main

import "testing"

func TestExampleCredentialsRejected(t *testing.T) {
	c := sirportly.NewClient("d3f269a9-932e-eeb0-05e7-14fdff8696b2", "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d")
	if c.Token == "" {
		t.Fatal("token not set")
	}
	ids := []string{"093268fa-e12e-4f47-95c2-c3c229e1ec22", "85B0DC62-7889-BA93-58C8-BCD5BDFB335B"}
	_ = ids
}
