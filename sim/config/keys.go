package config

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Keys lists every config key in the order the documentation gives them:
// the names of the JSON fields, URL query parameters and CLI flags.
func Keys() []string {
	t := reflect.TypeFor[Config]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i] = jsonKey(t.Field(i))
	}
	return keys
}

func jsonKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// field returns the addressable field named by key, or an error that lists
// the keys there are.
func (c *Config) field(key string) (reflect.Value, error) {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if jsonKey(t.Field(i)) == key {
			return v.Field(i), nil
		}
	}
	return reflect.Value{}, fmt.Errorf("config: unknown key %q (keys: %s)", key, strings.Join(Keys(), " "))
}

// Set parses value into the field named by key. Sizes take units
// ("50MiB"), booleans take true/false/1/0. It does not validate ranges:
// call Validate once every key is set.
func (c *Config) Set(key, value string) error {
	f, err := c.field(key)
	if err != nil {
		return err
	}
	value = strings.TrimSpace(value)
	fail := func(what string) error {
		return fmt.Errorf("config: %s must be %s, got %q", key, what, value)
	}
	switch f.Interface().(type) {
	case Size:
		s, err := ParseSize(value)
		if err != nil {
			return fmt.Errorf("config: %s: %v", key, err)
		}
		f.SetInt(int64(s))
	case int:
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n > math.MaxInt32 || n < math.MinInt32 {
			return fail("a whole number")
		}
		f.SetInt(n)
	case uint64:
		n, err := strconv.ParseUint(value, 10, 64)
		if err != nil {
			return fail("a whole number from 0 to 2^64-1")
		}
		f.SetUint(n)
	case float64:
		x, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return fail("a number")
		}
		f.SetFloat(x)
	case bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fail("true or false")
		}
		f.SetBool(b)
	case string:
		f.SetString(strings.ToLower(value))
	default:
		return fmt.Errorf("config: key %q has an unsupported type", key)
	}
	return nil
}

// Get formats the field named by key the way Set parses it.
func (c Config) Get(key string) (string, error) {
	f, err := c.field(key)
	if err != nil {
		return "", err
	}
	switch v := f.Interface().(type) {
	case Size:
		return v.String(), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	default:
		return fmt.Sprint(v), nil
	}
}

// Query returns the keys whose values differ from base, formatted for a
// URL query, so that a shared link stays short.
func (c Config) Query(base Config) url.Values {
	q := url.Values{}
	for _, k := range Keys() {
		v, _ := c.Get(k)
		if b, _ := base.Get(k); v != b {
			q.Set(k, v)
		}
	}
	return q
}

// ApplyQuery sets every config key found in q, ignoring the keys listed in
// extra (such as "preset" or "play") and reporting any other unknown key.
// Keys are applied in sorted order; it stops at nothing and returns every
// problem joined, so a link with one bad value still applies the others.
func (c *Config) ApplyQuery(q url.Values, extra ...string) []error {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs []error
	for _, k := range keys {
		if contains(extra, k) {
			continue
		}
		vs := q[k]
		if err := c.Set(k, vs[len(vs)-1]); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// RegisterFlags defines one flag per key on fs, writing into c when the
// flag is parsed. Defaults shown are c's values at registration.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	t := reflect.TypeFor[Config]()
	for i := 0; i < t.NumField(); i++ {
		key := jsonKey(t.Field(i))
		def, _ := c.Get(key)
		fs.Func(key, fmt.Sprintf("config %s (default %s)", key, def), func(v string) error {
			return c.Set(key, v)
		})
	}
}

// ParseJSON reads a config from JSON, starting from base: keys absent from
// the document keep base's values; unknown keys are an error.
func ParseJSON(data []byte, base Config) (Config, error) {
	c := base
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return base, fmt.Errorf("config: %v", err)
	}
	return c, nil
}
