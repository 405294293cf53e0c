package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"
)

// schemaSet maps "group/version/Kind" (group empty for the core API) to a
// compiled JSON schema.
type schemaSet struct {
	compiler *jsonschema.Compiler
	refs     map[string]string // gvk -> schema URL
	compiled map[string]*jsonschema.Schema
}

func newSchemaSet() *schemaSet {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	return &schemaSet{compiler: c, refs: map[string]string{}, compiled: map[string]*jsonschema.Schema{}}
}

func gvkKey(apiVersion, kind string) string {
	group, version := "", apiVersion
	if i := strings.Index(apiVersion, "/"); i >= 0 {
		group, version = apiVersion[:i], apiVersion[i+1:]
	}
	return group + "/" + version + "/" + kind
}

func (s *schemaSet) lookup(apiVersion, kind string) (*jsonschema.Schema, bool, error) {
	key := gvkKey(apiVersion, kind)
	if sch, ok := s.compiled[key]; ok {
		return sch, true, nil
	}
	ref, ok := s.refs[key]
	if !ok {
		return nil, false, nil
	}
	sch, err := s.compiler.Compile(ref)
	if err != nil {
		return nil, true, fmt.Errorf("compile schema for %s: %w", key, err)
	}
	s.compiled[key] = sch
	return sch, true, nil
}

// addKubernetesOpenAPI loads the Swagger 2.0 document of the Kubernetes API
// (api/openapi-spec/swagger.json of the k8s.io/kubernetes module) and registers
// every definition that names a group/version/kind.
func (s *schemaSet) addKubernetesOpenAPI(path string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var doc struct {
		Definitions map[string]map[string]any `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	defs := map[string]any{}
	for name, def := range doc.Definitions {
		switch name {
		case "io.k8s.apimachinery.pkg.util.intstr.IntOrString":
			defs[name] = map[string]any{"type": []any{"string", "integer"}}
		case "io.k8s.apimachinery.pkg.api.resource.Quantity":
			defs[name] = map[string]any{"type": []any{"string", "number"}}
		default:
			defs[name] = strictify(def)
		}
	}
	const url = "kubernetes-openapi.json"
	if err := s.compiler.AddResource(url, map[string]any{"definitions": defs}); err != nil {
		return 0, err
	}
	count := 0
	for name, def := range doc.Definitions {
		gvks, _ := def["x-kubernetes-group-version-kind"].([]any)
		for _, g := range gvks {
			m, _ := g.(map[string]any)
			group, _ := m["group"].(string)
			version, _ := m["version"].(string)
			kind, _ := m["kind"].(string)
			s.refs[group+"/"+version+"/"+kind] = url + "#/definitions/" + name
			count++
		}
	}
	return count, nil
}

// addCRDs registers the openAPIV3Schema of every version of every
// CustomResourceDefinition found in path (a YAML file or a folder of them).
func (s *schemaSet) addCRDs(path string) ([]string, error) {
	files := []string{path}
	if info, err := os.Stat(path); err != nil {
		return nil, err
	} else if info.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*.yaml"))
	}
	var added []string
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for _, part := range splitYAML(raw) {
			var crd struct {
				Kind string `json:"kind"`
				Spec struct {
					Group string `json:"group"`
					Names struct {
						Kind string `json:"kind"`
					} `json:"names"`
					Versions []struct {
						Name   string `json:"name"`
						Schema struct {
							OpenAPIV3Schema map[string]any `json:"openAPIV3Schema"`
						} `json:"schema"`
					} `json:"versions"`
				} `json:"spec"`
			}
			if err := yaml.Unmarshal(part, &crd); err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			if crd.Kind != "CustomResourceDefinition" {
				continue
			}
			for _, v := range crd.Spec.Versions {
				if v.Schema.OpenAPIV3Schema == nil {
					continue
				}
				key := crd.Spec.Group + "/" + v.Name + "/" + crd.Spec.Names.Kind
				url := "crd/" + key + ".json"
				if err := s.compiler.AddResource(url, strictify(v.Schema.OpenAPIV3Schema)); err != nil {
					return nil, err
				}
				s.refs[key] = url
				added = append(added, key)
			}
		}
	}
	sort.Strings(added)
	return added, nil
}

// strictify rewrites an OpenAPI schema into a JSON schema that rejects fields
// the API does not know (the API server would drop them silently), and maps
// the Kubernetes extensions to plain JSON schema.
func strictify(node any) any {
	switch n := node.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, v := range n {
			out[k] = strictify(v)
		}
		if v, _ := n["x-kubernetes-int-or-string"].(bool); v {
			delete(out, "type")
			out["anyOf"] = []any{map[string]any{"type": "integer"}, map[string]any{"type": "string"}}
		}
		if v, _ := n["format"].(string); v == "int-or-string" {
			delete(out, "type")
		}
		if v, _ := n["nullable"].(bool); v {
			if t, ok := out["type"].(string); ok {
				out["type"] = []any{t, "null"}
			}
		}
		_, hasProps := n["properties"]
		_, hasAdditional := n["additionalProperties"]
		preserve, _ := n["x-kubernetes-preserve-unknown-fields"].(bool)
		if hasProps && !hasAdditional && !preserve {
			out["additionalProperties"] = false
		}
		return out
	case []any:
		out := make([]any, len(n))
		for i, v := range n {
			out[i] = strictify(v)
		}
		return out
	default:
		return node
	}
}

// splitYAML splits a multi-document YAML stream.
func splitYAML(raw []byte) [][]byte {
	var parts [][]byte
	for _, part := range strings.Split("\n"+string(raw), "\n---") {
		if strings.TrimSpace(part) != "" {
			parts = append(parts, []byte(part))
		}
	}
	return parts
}
