package main

import "testing"

func TestExampleCredentialsRejected(t *testing.T) {
	c := sirportly.NewClient("d3f269a9-932e-eeb0-05e7-14fdff8696b2", "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d")
	if c.Token == "" {
		t.Fatal("token not set")
	}
	ids := []string{"f4690138-01fd-477b-b62a-aa18e47ffbd9", "9E67F9EA-F9D0-ABD9-5796-E22A43B9B2D9"}
	_ = ids
}
