package main

import (
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// object is one rendered Kubernetes document.
type object map[string]any

func (o object) kind() string       { s, _ := o["kind"].(string); return s }
func (o object) apiVersion() string { s, _ := o["apiVersion"].(string); return s }
func (o object) name() string       { s, _ := dig(o, "metadata", "name").(string); return s }
func (o object) namespace() string  { s, _ := dig(o, "metadata", "namespace").(string); return s }
func (o object) id() string         { return o.kind() + "/" + o.name() }

func dig(node any, path ...string) any {
	if o, ok := node.(object); ok {
		node = map[string]any(o)
	}
	for _, key := range path {
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = m[key]
	}
	return node
}

func runK8s(args []string) error {
	fs := flag.NewFlagSet("k8s", flag.ExitOnError)
	openapi := fs.String("openapi", "", "Kubernetes swagger.json")
	var crds, external stringList
	fs.Var(&crds, "crd", "CRD YAML file or folder (repeatable)")
	fs.Var(&external, "external-secret", "Secret created outside the overlay, e.g. by an operator (repeatable)")
	_ = fs.Parse(args)
	if *openapi == "" || fs.NArg() == 0 {
		usage()
	}
	r := &report{}
	schemas := newSchemaSet()
	n, err := schemas.addKubernetesOpenAPI(*openapi)
	if err != nil {
		return err
	}
	r.ok("kubernetes openapi schema loaded (%d kinds)", n)
	for _, c := range crds {
		added, err := schemas.addCRDs(c)
		if err != nil {
			return err
		}
		r.ok("CRD schemas loaded: %s", strings.Join(added, ", "))
	}
	for _, dir := range fs.Args() {
		objects, err := render(dir)
		if err != nil {
			r.fail("render "+dir, []string{err.Error()})
			continue
		}
		problems, structural := validateObjects(objects, schemas)
		if len(problems) > 0 {
			r.fail(fmt.Sprintf("schema %s", dir), problems)
		} else {
			note := ""
			if len(structural) > 0 {
				note = fmt.Sprintf("; structural checks only for %s", strings.Join(structural, ", "))
			}
			r.ok("schema %s: %d documents%s", dir, len(objects), note)
		}
		if problems := crossCheck(objects, external); len(problems) > 0 {
			r.fail(fmt.Sprintf("references %s", dir), problems)
		} else {
			r.ok("references %s: selectors, ports, ConfigMaps, Secrets, scale targets", dir)
		}
		if problems := policyCheck(objects); len(problems) > 0 {
			r.fail(fmt.Sprintf("policy %s", dir), problems)
		} else {
			r.ok("policy %s: GoSight pods have requests, memory limits, probes, non-root read-only containers", dir)
		}
	}
	return r.err()
}

func render(dir string) ([]object, error) {
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resMap, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, err
	}
	var objects []object
	for _, res := range resMap.Resources() {
		m, err := res.Map()
		if err != nil {
			return nil, err
		}
		objects = append(objects, object(m))
	}
	return objects, nil
}

func validateObjects(objects []object, schemas *schemaSet) (problems []string, structuralKinds []string) {
	structural := map[string]bool{}
	seen := map[string]bool{}
	for _, o := range objects {
		key := o.apiVersion() + " " + o.namespace() + " " + o.id()
		if seen[key] {
			problems = append(problems, "duplicate "+key)
		}
		seen[key] = true
		sch, found, err := schemas.lookup(o.apiVersion(), o.kind())
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if !found {
			sch, found, err = structuralSchema(o.apiVersion(), o.kind())
			if err != nil {
				problems = append(problems, err.Error())
				continue
			}
			if !found {
				problems = append(problems, fmt.Sprintf("%s: no schema for %s", o.id(), o.apiVersion()))
				continue
			}
			structural[o.apiVersion()+" "+o.kind()] = true
		}
		if err := sch.Validate(toJSONValue(o)); err != nil {
			var ve *jsonschema.ValidationError
			if errors.As(err, &ve) {
				for _, line := range leafErrors(ve) {
					problems = append(problems, o.id()+": "+line)
				}
			} else {
				problems = append(problems, o.id()+": "+err.Error())
			}
		}
	}
	for k := range structural {
		structuralKinds = append(structuralKinds, k)
	}
	sort.Strings(structuralKinds)
	return problems, structuralKinds
}

var english = message.NewPrinter(language.English)

func leafErrors(ve *jsonschema.ValidationError) []string {
	if len(ve.Causes) == 0 {
		return []string{fmt.Sprintf("/%s: %s", strings.Join(ve.InstanceLocation, "/"), ve.ErrorKind.LocalizedString(english))}
	}
	var out []string
	for _, c := range ve.Causes {
		out = append(out, leafErrors(c)...)
	}
	return out
}

// toJSONValue converts ints to the json.Number-free form the validator expects.
func toJSONValue(v any) any {
	switch n := v.(type) {
	case object:
		return toJSONValue(map[string]any(n))
	case map[string]any:
		out := make(map[string]any, len(n))
		for k, x := range n {
			out[k] = toJSONValue(x)
		}
		return out
	case []any:
		out := make([]any, len(n))
		for i, x := range n {
			out[i] = toJSONValue(x)
		}
		return out
	case int:
		return float64(n)
	case int64:
		return float64(n)
	default:
		return v
	}
}
