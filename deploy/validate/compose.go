package main

import (
	"context"
	"fmt"

	"github.com/compose-spec/compose-go/v2/cli"
)

// runCompose loads the Compose file the way `docker compose` does: JSON-schema
// validation against the Compose specification, interpolation, then the
// model's own checks (depends_on targets, networks and volumes declared, ...).
func runCompose(args []string) error {
	if len(args) != 1 {
		usage()
	}
	r := &report{}
	opts, err := cli.NewProjectOptions(args, cli.WithName("gosight"), cli.WithInterpolation(true), cli.WithResolvedPaths(true))
	if err != nil {
		return err
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		r.fail("compose "+args[0], []string{err.Error()})
		return r.err()
	}
	r.ok("compose %s: %d services valid against the Compose specification", args[0], len(project.Services))
	var problems []string
	for name, svc := range project.Services {
		if svc.Image == "" && svc.Build == nil {
			problems = append(problems, fmt.Sprintf("service %s has neither image nor build", name))
		}
		if svc.Build != nil && svc.Image == "" {
			problems = append(problems, fmt.Sprintf("service %s builds without naming its image", name))
		}
	}
	if len(problems) > 0 {
		r.fail("compose images", problems)
	} else {
		r.ok("compose images: every service names its image")
	}
	return r.err()
}
