package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"unicode/utf8"
)

// ParseJSON reads a config from one JSON object, starting from base: keys
// absent from the object, or null, keep base's values. Each present key is
// read as Set reads it (names are lowered, sizes take units), from a JSON
// value of the field's kind: a string or a number for sizes, a number for
// numbers, true or false for booleans, a string for names. Keys match
// exactly (case matters, unlike encoding/json's field matching).
//
// A syntax error (with its byte offset), anything after the object, or a
// document that is not an object is an error. Unknown keys (wrapping
// ErrUnknownKey), repeated keys and bad values (*FieldError) are all
// reported, joined with errors.Join. On any error ParseJSON returns base
// unchanged.
func ParseJSON(data []byte, base Config) (Config, error) {
	// Unmarshal checks the whole document first, with exact offsets (a
	// Decoder's are relative to its buffer), and refuses trailing data.
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return base, fmt.Errorf("config: JSON syntax error after %d bytes: %v", se.Offset, err)
		}
		return base, fmt.Errorf("config: JSON: %v", err)
	}
	// The document is valid, so the Decoder meets no syntax error; it
	// gives the keys in order, repeated ones included.
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return base, fmt.Errorf("config: JSON must be an object of config keys, got %s", abbreviate(string(bytes.TrimSpace(data))))
	}
	c := base
	seen := map[string]bool{}
	var errs []error
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return base, fmt.Errorf("config: JSON: %v", err)
		}
		key, _ := tok.(string) // inside an object, Token returns the key as a string
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return base, fmt.Errorf("config: JSON: %v", err)
		}
		if seen[canonicalKey(key)] {
			errs = append(errs, fmt.Errorf("config: key %q appears twice (or under its earlier name)", key))
			continue
		}
		seen[canonicalKey(key)] = true
		f, err := c.field(key)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := setJSON(f, key, raw); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return base, errors.Join(errs...)
	}
	return c, nil
}

// setJSON sets f from one JSON value of the kind the field takes.
func setJSON(f reflect.Value, key string, raw []byte) error {
	if string(raw) == "null" {
		return nil
	}
	isString := raw[0] == '"'
	isBool := raw[0] == 't' || raw[0] == 'f'
	isNumber := raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9'
	var ok bool
	var allowed string
	switch {
	case f.Type() == sizeType:
		ok, allowed = isNumber || isString, `a JSON number of bytes or a string such as "50MiB"`
	case f.Kind() == reflect.Bool:
		ok, allowed = isBool, "JSON true or false"
	case f.Kind() == reflect.String:
		ok, allowed = isString, "a JSON string"
	default:
		ok, allowed = isNumber, "a JSON number"
	}
	if !ok {
		return &FieldError{Key: key, Value: abbreviate(string(raw)), Allowed: allowed}
	}
	text := string(raw)
	if isString {
		if err := json.Unmarshal(raw, &text); err != nil {
			return fmt.Errorf("config: %s: %v", key, err)
		}
	}
	return setField(f, key, text)
}

// abbreviate shortens a JSON value quoted in an error message, cutting at
// a rune boundary.
func abbreviate(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
