package main

import (
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

func objectsFrom(t *testing.T, docs string) []object {
	t.Helper()
	var out []object
	for _, part := range splitYAML([]byte(docs)) {
		var m map[string]any
		if err := yaml.Unmarshal(part, &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, object(m))
	}
	return out
}

const goodApp = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          ports: [{name: http, containerPort: 80}]
          envFrom: [{configMapRef: {name: cfg}}]
          readinessProbe: {httpGet: {path: /, port: http}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {A: "1"}
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: web}}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`

func TestCrossCheck(t *testing.T) {
	cases := []struct {
		name  string
		extra string
		edit  func(string) string
		want  string
	}{
		{name: "consistent", want: ""},
		{name: "selector does not match template", edit: func(s string) string {
			return strings.Replace(s, "selector: {matchLabels: {app: web}}", "selector: {matchLabels: {app: other}}", 1)
		}, want: "spec.selector.matchLabels"},
		{name: "missing ConfigMap", edit: func(s string) string {
			return strings.Replace(s, "configMapRef: {name: cfg}", "configMapRef: {name: nope}", 1)
		}, want: `envFrom ConfigMap "nope" not found`},
		{name: "probe on unknown port", edit: func(s string) string {
			return strings.Replace(s, "port: http}}", "port: metrics}}", 1)
		}, want: "readinessProbe port metrics"},
		{name: "service targetPort unknown", edit: func(s string) string {
			return strings.Replace(s, "targetPort: http", "targetPort: grpc", 1)
		}, want: "targetPort grpc"},
		{name: "HPA target missing", extra: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}, maxReplicas: 2}
`, want: "scale target Deployment/api not found"},
		{name: "ServiceMonitor port missing", extra: `
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: web}
spec: {selector: {matchLabels: {app: web}}, endpoints: [{port: metrics}]}
`, want: `has no port named "metrics"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs := goodApp
			if c.edit != nil {
				docs = c.edit(docs)
			}
			if c.extra != "" {
				docs += "\n---\n" + c.extra
			}
			problems := strings.Join(crossCheck(objectsFrom(t, docs), nil), "\n")
			if c.want == "" && problems != "" {
				t.Fatalf("unexpected problems:\n%s", problems)
			}
			if !strings.Contains(problems, c.want) {
				t.Fatalf("want a problem containing %q, got:\n%s", c.want, problems)
			}
		})
	}
}

func TestStrictify(t *testing.T) {
	s := newSchemaSet()
	crd := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"spec": map[string]any{
				"type": "object",
				"properties": map[string]any{
					"port":  map[string]any{"x-kubernetes-int-or-string": true},
					"extra": map[string]any{"type": "object", "x-kubernetes-preserve-unknown-fields": true, "properties": map[string]any{}},
				},
			},
		},
	}
	if err := s.compiler.AddResource("test.json", strictify(crd)); err != nil {
		t.Fatal(err)
	}
	sch, err := s.compiler.Compile("test.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		doc   string
		valid bool
	}{
		{`{"spec": {"port": 80}}`, true},
		{`{"spec": {"port": "http"}}`, true},
		{`{"spec": {"port": true}}`, false},
		{`{"spec": {"prot": 80}}`, false},
		{`{"spec": {"extra": {"anything": 1}}}`, true},
	}
	for _, c := range cases {
		var v any
		if err := yaml.Unmarshal([]byte(c.doc), &v); err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(toJSONValue(v)); (err == nil) != c.valid {
			t.Errorf("%s: valid=%v, got error %v", c.doc, c.valid, err)
		}
	}
}

func TestPolicyCheck(t *testing.T) {
	pod := `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, app.kubernetes.io/part-of: gosight}}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: web:1
          resources: {requests: {cpu: 10m, memory: 10Mi}, limits: {memory: 20Mi}}
          livenessProbe: {tcpSocket: {port: 80}}
          readinessProbe: {tcpSocket: {port: 80}}
          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
`
	cases := []struct{ name, from, to, want string }{
		{"compliant", "", "", ""},
		{"no memory limit", "limits: {memory: 20Mi}", "limits: {}", "resources.limits.memory"},
		{"root", "runAsNonRoot: true", "runAsNonRoot: false", "non-root"},
		{"writable root", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "readOnlyRootFilesystem"},
		{"no readiness", "readinessProbe: {tcpSocket: {port: 80}}", "", "readinessProbe"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs := pod
			if c.from != "" {
				docs = strings.Replace(docs, c.from, c.to, 1)
			}
			problems := strings.Join(policyCheck(objectsFrom(t, docs)), "\n")
			if c.want == "" && problems != "" {
				t.Fatalf("unexpected problems:\n%s", problems)
			}
			if !strings.Contains(problems, c.want) {
				t.Fatalf("want %q, got:\n%s", c.want, problems)
			}
		})
	}
}
