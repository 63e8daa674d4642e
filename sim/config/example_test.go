package config_test

import (
	"errors"
	"fmt"
	"net/url"

	"dsaviz/sim/config"
)

func ExampleConfig_Validate() {
	c := config.DefaultConfig()
	c.Ways = 0
	c.StepOverlap = 1.5
	err := c.Validate()
	fmt.Println(err)

	// Each problem is a *FieldError, for a form to mark the field.
	var fe *config.FieldError
	if errors.As(err, &fe) {
		fmt.Printf("key %s, value %s, allowed %s\n", fe.Key, fe.Value, fe.Allowed)
	}
	// Output:
	// config: ways must be 1..64, got 0
	// config: stepOverlap must be 0..1, got 1.5
	// key ways, value 0, allowed 1..64
}

func ExampleParseSize() {
	for _, s := range []string{"50MiB", "1.5 KB", "32k", "4096", "0.5"} {
		size, err := config.ParseSize(s)
		fmt.Println(int64(size), size, err)
	}
	// Output:
	// 52428800 50MiB <nil>
	// 1500 1500 <nil>
	// 32768 32KiB <nil>
	// 4096 4KiB <nil>
	// 0 0 config: size must be a whole number of bytes, got "0.5"
}

func ExampleConfig_Query() {
	base := config.DefaultConfig()
	c := base
	c.Mode = config.ModeTokens
	c.Reserve = 20 << 20
	link := "https://example.org/dsaviz/?" + c.Query(base).Encode()
	fmt.Println(link)

	// Reading the link back gives the same config.
	u, err := url.Parse(link)
	if err != nil {
		fmt.Println(err)
		return
	}
	back := base
	err = back.ApplyQuery(u.Query(), "preset", "play")
	fmt.Println(back == c, err)
	// Output:
	// https://example.org/dsaviz/?mode=tokens&reserve=20MiB
	// true <nil>
}

func ExampleParseJSON() {
	c, err := config.ParseJSON([]byte(`{"capacity": "32MiB", "line": 64, "policy": "SRRIP"}`), config.DefaultConfig())
	fmt.Println(c.Capacity, c.Line, c.Policy, c.Sets(), err)
	// Output:
	// 32MiB 64 srrip 32768 <nil>
}
