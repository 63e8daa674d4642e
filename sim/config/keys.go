package config

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// ErrUnknownKey is wrapped by every error about a key that names no Config
// field, so that callers can tell a typo in a key from a bad value with
// errors.Is.
var ErrUnknownKey = errors.New("unknown key")

// Keys lists every config key in the order of Config's fields: the names
// of the JSON fields, URL query parameters and command-line flags.
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

// renamedKeys maps keys of earlier versions to their names now: links,
// files and flags that use an old name keep working.
var renamedKeys = map[string]string{
	"lookback": "returnDistance", // lookback is the paper's position distance (see reach)
}

// removedKeys maps keys of earlier versions that have no equivalent now to
// why; they are refused with that reason.
var removedKeys = map[string]string{
	"skew": "new tokens are now drawn at a distance back set by reach, in units of topk",
}

// RenamedKeys returns the keys of earlier versions that are still read,
// each mapped to its name now.
func RenamedKeys() map[string]string { return maps.Clone(renamedKeys) }

// canonicalKey returns the key's name now: key itself unless it was
// renamed.
func canonicalKey(key string) string {
	if now, ok := renamedKeys[key]; ok {
		return now
	}
	return key
}

// field returns the addressable field named by key (or by its earlier
// name), or an error that wraps ErrUnknownKey and lists the keys there
// are, or says why an earlier key was removed.
func (c *Config) field(key string) (reflect.Value, error) {
	if why, ok := removedKeys[key]; ok {
		return reflect.Value{}, fmt.Errorf("config: %w %q: it was removed (%s)", ErrUnknownKey, key, why)
	}
	key = canonicalKey(key)
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if jsonKey(t.Field(i)) == key {
			return v.Field(i), nil
		}
	}
	return reflect.Value{}, fmt.Errorf("config: %w %q (keys: %s)", ErrUnknownKey, key, strings.Join(Keys(), " "))
}

var sizeType = reflect.TypeFor[Size]()

// Set parses value into the field named by key, after trimming spaces.
// Sizes take ParseSize's forms ("50MiB"), whole numbers must fit in an int
// (seed: in a uint64), numbers must be finite, booleans take
// strconv.ParseBool's forms (true, false, 1, 0) and names are lowered
// ("LRU" sets "lru"). A bad value is reported as a *FieldError and leaves c
// unchanged. Set does not check ranges: call Validate once every key is set.
func (c *Config) Set(key, value string) error {
	f, err := c.field(key)
	if err != nil {
		return err
	}
	return setField(f, key, strings.TrimSpace(value))
}

func setField(f reflect.Value, key, value string) error {
	bad := func(allowed string) error {
		return &FieldError{Key: key, Value: strconv.Quote(value), Allowed: allowed}
	}
	if f.Type() == sizeType {
		s, requirement := parseSize(value)
		if requirement != "" {
			return bad(requirement)
		}
		f.SetInt(int64(s))
		return nil
	}
	switch f.Kind() {
	case reflect.Int:
		n, err := strconv.ParseInt(value, 10, strconv.IntSize)
		if err != nil {
			return bad(fmt.Sprintf("a whole number from %d to %d", math.MinInt, math.MaxInt))
		}
		f.SetInt(n)
	case reflect.Uint64:
		n, err := strconv.ParseUint(value, 10, 64)
		if err != nil {
			return bad(fmt.Sprintf("a whole number from 0 to %d", uint64(math.MaxUint64)))
		}
		f.SetUint(n)
	case reflect.Float64:
		x, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return bad("a finite number")
		}
		f.SetFloat(x)
	case reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return bad("true or false")
		}
		f.SetBool(b)
	case reflect.String:
		f.SetString(strings.ToLower(value))
	default:
		return fmt.Errorf("config: key %q has unsupported type %s", key, f.Type())
	}
	return nil
}

// Get formats the field named by key the way Set parses it, so that
// c.Set(key, v) with v from c.Get(key) changes nothing. Sizes use
// Size.String, numbers the shortest form that reads back exactly.
func (c Config) Get(key string) (string, error) {
	f, err := c.field(key)
	if err != nil {
		return "", err
	}
	return format(f), nil
}

func format(f reflect.Value) string {
	if f.Type() == sizeType {
		return Size(f.Int()).String()
	}
	switch f.Kind() {
	case reflect.Int:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Uint64:
		return strconv.FormatUint(f.Uint(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(f.Float(), 'g', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(f.Bool())
	default:
		return f.String()
	}
}

// Query returns the keys whose values differ from base, formatted by Get,
// so that a shared link stays short: c.Query(base) applied to base with
// ApplyQuery gives c back.
func (c Config) Query(base Config) url.Values {
	q := url.Values{}
	cv, bv := reflect.ValueOf(c), reflect.ValueOf(base)
	for i, key := range Keys() {
		if v := format(cv.Field(i)); v != format(bv.Field(i)) {
			q.Set(key, v)
		}
	}
	return q
}

// ApplyQuery sets every config key found in q with Set, skipping the keys
// listed in extra (the page's own parameters, such as "preset" or "play").
// A key given several times takes its last value; a key with no value at
// all (only a hand-built url.Values has one) is skipped. It stops at
// nothing: a link with one bad value or unknown key still applies every
// other key, and the problems come back joined with errors.Join (nil if
// none), in sorted key order. Unknown keys wrap ErrUnknownKey; bad values
// are *FieldError. It does not validate: call Validate afterwards.
func (c *Config) ApplyQuery(q url.Values, extra ...string) error {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var errs []error
	for _, k := range keys {
		vs := q[k]
		if slices.Contains(extra, k) || len(vs) == 0 {
			continue
		}
		if err := c.Set(k, vs[len(vs)-1]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
