package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/prometheus/prometheus/promql/parser"
	"sigs.k8s.io/yaml"
)

type ruleFile struct {
	Groups []ruleGroup `json:"groups"`
}

type ruleGroup struct {
	Name     string `json:"name"`
	Interval string `json:"interval,omitempty"`
	Rules    []rule `json:"rules"`
}

type rule struct {
	Record      string            `json:"record,omitempty"`
	Alert       string            `json:"alert,omitempty"`
	Expr        string            `json:"expr"`
	For         string            `json:"for,omitempty"`
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// runPromRules parses every expression of a Prometheus rules file, checks the
// rule fields, lists the metric names it reads (and those not found in the
// code, from --known-metrics), and checks that the PrometheusRule a
// Kustomize overlay renders carries the same groups.
func runPromRules(args []string) error {
	fs := flag.NewFlagSet("promrules", flag.ExitOnError)
	known := fs.String("known-metrics", "", "file with one metric name per line, found in the code")
	_ = fs.Parse(args)
	if fs.NArg() < 1 {
		usage()
	}
	r := &report{}
	raw, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	var file ruleFile
	if err := yaml.UnmarshalStrict(raw, &file); err != nil {
		r.fail("rules "+fs.Arg(0), []string{err.Error()})
		return r.err()
	}
	var problems []string
	metrics := map[string]bool{}
	count := 0
	for _, g := range file.Groups {
		if g.Name == "" {
			problems = append(problems, "group without a name")
		}
		for _, rl := range g.Rules {
			count++
			name := rl.Alert + rl.Record
			if (rl.Alert == "") == (rl.Record == "") {
				problems = append(problems, fmt.Sprintf("%s/%s: exactly one of alert and record", g.Name, name))
			}
			if rl.For != "" {
				if _, err := time.ParseDuration(rl.For); err != nil {
					problems = append(problems, fmt.Sprintf("%s/%s: for: %v", g.Name, name, err))
				}
			}
			if rl.Alert != "" && (rl.Labels["severity"] == "" || rl.Annotations["summary"] == "" || rl.Annotations["runbook_url"] == "") {
				problems = append(problems, fmt.Sprintf("%s/%s: alerts need labels.severity, annotations.summary and annotations.runbook_url", g.Name, name))
			}
			for _, m := range exprMetrics(rl.Expr, &problems, g.Name+"/"+name) {
				metrics[m] = true
			}
		}
	}
	if len(problems) > 0 {
		r.fail("rules "+fs.Arg(0), problems)
	} else {
		r.ok("rules %s: %d rules, every expression parses", fs.Arg(0), count)
	}
	reportMetrics(r, "rules", metrics, *known)
	if fs.NArg() > 1 {
		objects, err := render(fs.Arg(1))
		if err != nil {
			return err
		}
		found := false
		for _, o := range objects {
			if o.kind() != "PrometheusRule" {
				continue
			}
			found = true
			var groups ruleFile
			b, _ := yaml.Marshal(map[string]any{"groups": dig(o, "spec", "groups")})
			_ = yaml.Unmarshal(b, &groups)
			if reflect.DeepEqual(groups, file) {
				r.ok("PrometheusRule %s in %s matches %s", o.name(), fs.Arg(1), fs.Arg(0))
			} else {
				r.fail("PrometheusRule "+o.name(), []string{fmt.Sprintf("its groups differ from %s", fs.Arg(0))})
			}
		}
		if !found {
			r.fail("PrometheusRule", []string{fs.Arg(1) + " renders no PrometheusRule"})
		}
	}
	return r.err()
}

func exprMetrics(expr string, problems *[]string, where string) []string {
	parsed, err := parser.ParseExpr(expr)
	if err != nil {
		*problems = append(*problems, fmt.Sprintf("%s: %v", where, err))
		return nil
	}
	var names []string
	parser.Inspect(parsed, func(node parser.Node, _ []parser.Node) error {
		if vs, ok := node.(*parser.VectorSelector); ok && vs.Name != "" {
			names = append(names, vs.Name)
		}
		return nil
	})
	return names
}

// reportMetrics prints the metric names read and warns (without failing) about
// those the code does not define yet: other services add metrics as they grow.
func reportMetrics(r *report, what string, metrics map[string]bool, knownFile string) {
	var names []string
	for m := range metrics {
		names = append(names, m)
	}
	sort.Strings(names)
	r.ok("%s read %d metrics: %s", what, len(names), strings.Join(names, " "))
	if knownFile == "" {
		return
	}
	raw, err := os.ReadFile(knownFile)
	if err != nil {
		return
	}
	known := map[string]bool{}
	for _, line := range strings.Fields(string(raw)) {
		known[line] = true
	}
	var missing []string
	for _, m := range names {
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_count"), "_sum")
		if !known[m] && !known[base] && !strings.HasPrefix(m, "kube_") && !strings.HasPrefix(m, "kubelet_") && !strings.HasPrefix(m, "process_") && !strings.HasPrefix(m, "nodejs_") && m != "up" {
			missing = append(missing, m)
		}
	}
	if len(missing) > 0 {
		fmt.Printf("warn  %s: metrics not (yet) defined in the code: %s\n", what, strings.Join(missing, " "))
	}
}
