package ui

import (
	"errors"
	"strings"

	"dsaviz/sim/config"
)

// apply sets key to value, as typed or chosen. A value that Set or
// Validate refuses is shown as a refusal under the key's section and the
// field goes back to the current value; an accepted one becomes the
// config, named after its preset if it equals it, and is reported.
func (p *Panel) apply(key, value string) {
	next := p.cfg
	err := next.Set(key, value)
	if err == nil {
		err = next.Validate()
	}
	if err != nil {
		p.refuse(key, err)
		return
	}
	if next == p.cfg {
		p.show() // canonical form: " 50 mib" reads "50MiB" again
		return
	}
	p.cfg = next
	p.preset = ""
	if info, ok := p.presets[p.base]; ok && info.Config == next {
		p.preset = p.base
	}
	p.clearRefusals()
	p.show()
	if p.opts.onConfig != nil {
		p.opts.onConfig(next, p.preset)
	}
}

// choosePreset loads the named preset, as if every key were typed.
func (p *Panel) choosePreset(name string) {
	info, ok := p.presets[name]
	if !ok || (name == p.preset && info.Config == p.cfg) {
		p.show() // "custom" or the preset already shown
		return
	}
	if err := info.Config.Validate(); err != nil {
		p.refuse("preset", err)
		return
	}
	p.cfg, p.preset, p.base = info.Config, name, name
	p.clearRefusals()
	p.show()
	if p.opts.onConfig != nil {
		p.opts.onConfig(p.cfg, name)
	}
}

// refuse shows why a value of key was refused and puts the current
// values back in the fields.
func (p *Panel) refuse(key string, err error) {
	s := sectionOf(key)
	p.errs[s] = refusal(key, err)
	p.v.setMessage(p.v.refusals[s], p.errs[s])
	p.show()
}

// clearRefusals removes every refusal shown: the config just changed.
func (p *Panel) clearRefusals() {
	for s := range p.errs {
		p.errs[s] = ""
		p.v.setMessage(p.v.refusals[s], "")
	}
}

// maxReasons bounds the reasons a refusal lists.
const maxReasons = 3

// refusal words err for the person who typed a value of key: each
// *config.FieldError's message without its package prefix, those about
// key first, one per line.
func refusal(key string, err error) string {
	var first, rest []string
	for _, e := range leaves(err) {
		msg := strings.TrimPrefix(e.Error(), "config: ")
		var fe *config.FieldError
		if errors.As(e, &fe) && fe.Key == key {
			first = append(first, msg)
		} else {
			rest = append(rest, msg)
		}
	}
	reasons := append(first, rest...)
	if len(reasons) > maxReasons {
		reasons = reasons[:maxReasons]
	}
	return "Refused: " + strings.Join(reasons, "\n")
}

// leaves flattens errors.Join trees into their single errors.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// show puts the panel's config and preset into every widget. Widgets fire
// their change events for it, but the handlers find nothing changed.
func (p *Panel) show() {
	for _, f := range p.v.fields {
		f.show(p.cfg)
	}
	p.v.preset.SetSelectedEntry(p.preset)
	p.v.presetTip.Label = p.presetHelp()
}
