// Command gosight-validate checks GoSight's deployment files offline: Kustomize
// overlays against the Kubernetes OpenAPI schema and operator CRD schemas,
// the Compose file against the Compose specification, Prometheus rules and the
// Grafana dashboard. Each check prints one line; any failure exits 1.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "k8s":
		err = runK8s(os.Args[2:])
	case "compose":
		err = runCompose(os.Args[2:])
	case "promrules":
		err = runPromRules(os.Args[2:])
	case "grafana":
		err = runGrafana(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, strings.TrimSpace(`
usage: gosight-validate k8s --openapi <swagger.json> [--crd <file|dir>]... [--external-secret <name>]... <kustomization dir>...
       gosight-validate compose <docker-compose.yml>
       gosight-validate promrules [--known-metrics <file>] <rules.yaml> [<PrometheusRule rendered by an overlay dir>]
       gosight-validate grafana <dashboard.json>`))
	os.Exit(2)
}

// report prints one line per check and remembers whether any failed.
type report struct{ failed bool }

func (r *report) ok(format string, args ...any) {
	fmt.Printf("ok    "+format+"\n", args...)
}

func (r *report) fail(name string, problems []string) {
	r.failed = true
	fmt.Printf("FAIL  %s\n", name)
	for _, p := range problems {
		fmt.Printf("        %s\n", p)
	}
}

func (r *report) err() error {
	if r.failed {
		return fmt.Errorf("validation failed")
	}
	return nil
}
