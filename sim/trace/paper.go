package trace

// PaperStats returns the paper's Table 3 (research/paper.md, §3), pooled
// over its backbones, k = 64, 128 and 256, prompts of 500 to 1500 tokens
// and 200 generated steps, as a Stats with mean, P95 and σ per row (Count
// and the shape are zero: the paper gives neither). It has no reuse
// distance.
func PaperStats() Stats {
	return Stats{
		Window:            WorkingSetSteps,
		WorkingSet:        Summary{Mean: 5.15, P95: 7.2, Sigma: 1.02},
		Persistence:       Summary{Mean: 1.82, P95: 5, Sigma: 2.86},
		Lookback:          Summary{Mean: 3.29, P95: 7.77, Sigma: 2.48},
		NewLookups:        Summary{Mean: 0.55, P95: 0.9, Sigma: 0.22},
		InterLayerOverlap: Summary{Mean: 0.36, P95: 0.63, Sigma: 0.16},
	}
}

// Table3Row is one row of Table 3: its name, unit and the statistic of s.
type Table3Row struct {
	Name, Unit string
	Of         func(s Stats) Summary
}

// Table3Rows returns Table 3's five rows, in the paper's order.
func Table3Rows() []Table3Row {
	return []Table3Row{
		{"working set", "x k", func(s Stats) Summary { return s.WorkingSet }},
		{"persistence", "steps", func(s Stats) Summary { return s.Persistence }},
		{"lookback", "x k", func(s Stats) Summary { return s.Lookback }},
		{"new lookups", "fraction", func(s Stats) Summary { return s.NewLookups }},
		{"inter-layer overlap", "fraction", func(s Stats) Summary { return s.InterLayerOverlap }},
	}
}
