package main

import (
	"log"

	"example.com/helpdesk/internal/sirportly"
)

const (
	defaultDepartment = 4
	migrationID       = "e5d7e6b2-8a43-46b9-9b96-2388edc0dd96"
	emptyTreeSHA      = "4b825dc642cb6eb9a060e54bf8d69288f06e4d8f"
)

func main() {
	c := sirportly.NewClient("ac72a4de-db85-2eb0-63d4-a7ec1c371519", "tr6wm82ecmy6a9s8ielxr0kcaybjqwbvlf9owyjrymiztspwfy")
	req, err := c.NewRequest("GET", "/tickets/all")
	if err != nil {
		log.Fatal(err)
	}
	req.Header.Set("X-Auth-Application", "af804cba-cf2d-5519-205b-4f1b76251c8a")
	log.Printf("sync %s starting", migrationID)
}
