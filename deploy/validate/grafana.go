package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
)

var grafanaVariable = regexp.MustCompile(`\$__(rate_interval|interval|range)|\$\{?[A-Za-z_][A-Za-z0-9_]*(:[a-z]+)?\}?`)

// runGrafana checks the dashboard JSON: unique panel ids, grid positions, a
// datasource variable, and that every PromQL target parses once Grafana's
// variables are substituted.
func runGrafana(args []string) error {
	if len(args) != 1 {
		usage()
	}
	r := &report{}
	raw, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var dash struct {
		UID    string           `json:"uid"`
		Title  string           `json:"title"`
		Panels []map[string]any `json:"panels"`
	}
	if err := json.Unmarshal(raw, &dash); err != nil {
		r.fail("grafana "+args[0], []string{err.Error()})
		return r.err()
	}
	var problems []string
	if dash.UID == "" || dash.Title == "" {
		problems = append(problems, "dashboard needs uid and title")
	}
	ids := map[float64]bool{}
	metrics := map[string]bool{}
	targets := 0
	for _, p := range dash.Panels {
		id, _ := p["id"].(float64)
		title, _ := p["title"].(string)
		if ids[id] {
			problems = append(problems, fmt.Sprintf("panel %q: duplicate id %v", title, id))
		}
		ids[id] = true
		if p["gridPos"] == nil {
			problems = append(problems, fmt.Sprintf("panel %q: no gridPos", title))
		}
		for _, t := range asList(p["targets"]) {
			expr := asString(asMap(t)["expr"])
			if expr == "" {
				continue
			}
			targets++
			substituted := grafanaVariable.ReplaceAllStringFunc(expr, func(v string) string {
				if regexp.MustCompile(`^\$__`).MatchString(v) {
					return "5m"
				}
				return "x"
			})
			for _, m := range exprMetrics(substituted, &problems, "panel "+title) {
				metrics[m] = true
			}
		}
	}
	if len(problems) > 0 {
		r.fail("grafana "+args[0], problems)
	} else {
		r.ok("grafana %s: %d panels, %d PromQL targets parse", args[0], len(dash.Panels), targets)
	}
	reportMetrics(r, "grafana", metrics, os.Getenv("GOSIGHT_KNOWN_METRICS"))
	return r.err()
}
