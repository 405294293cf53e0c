package main

import (
	"embed"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The Strimzi and Altinity CRDs are not published to any package registry
// reachable from CI (Strimzi ships them only in GitHub releases and Helm
// charts; the Altinity operator's Go module is not served by the module
// proxy), so their resources are checked against the small hand-written
// schemas in structural/: required fields, types and enums of what GoSight
// uses, unknown fields allowed.
//
//go:embed structural/*.json
var structuralFiles embed.FS

var structuralCompiler = func() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	return c
}()

var structuralCache = map[string]*jsonschema.Schema{}

func structuralSchema(apiVersion, kind string) (*jsonschema.Schema, bool, error) {
	file := "structural/" + strings.ReplaceAll(gvkKey(apiVersion, kind), "/", "_") + ".json"
	if sch, ok := structuralCache[file]; ok {
		return sch, true, nil
	}
	raw, err := structuralFiles.ReadFile(file)
	if err != nil {
		return nil, false, nil
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		return nil, true, err
	}
	if err := structuralCompiler.AddResource(file, doc); err != nil {
		return nil, true, err
	}
	sch, err := structuralCompiler.Compile(file)
	if err != nil {
		return nil, true, err
	}
	structuralCache[file] = sch
	return sch, true, nil
}
