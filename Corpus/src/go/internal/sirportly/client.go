package sirportly

import (
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/google/uuid"
)

// Client calls the Sirportly API with account authentication.
type Client struct {
	Token, Secret string
	HTTP          *http.Client
}

// NewClient returns a client; empty arguments fall back to the environment.
func NewClient(token, secret string) *Client {
	if token == "" {
		token = os.Getenv("SIRPORTLY_TOKEN")
	}
	if secret == "" {
		secret = os.Getenv("SIRPORTLY_SECRET")
	}
	return &Client{Token: token, Secret: secret, HTTP: &http.Client{Timeout: 15 * time.Second}}
}

func (c *Client) newRequest(method, path string) (*http.Request, error) {
	req, err := http.NewRequest(method, "https://api.sirportly.com/api/v2"+path, nil)
	if err != nil {
		return nil, fmt.Errorf("sirportly: %w", err)
	}
	req.Header.Set("X-Auth-Token", c.Token)
	req.Header.Set("X-Auth-Secret", c.Secret)
	req.Header.Set("X-Request-Id", uuid.NewString())
	return req, nil
}
