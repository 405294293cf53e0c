package main

import (
	"fmt"

)

// podTemplate is the pod template of a workload, with where it came from.
type podTemplate struct {
	owner     string
	namespace string
	labels    map[string]any
	spec      map[string]any
}

func asMap(v any) map[string]any   { m, _ := v.(map[string]any); return m }
func asList(v any) []any           { l, _ := v.([]any); return l }
func asString(v any) string        { s, _ := v.(string); return s }
func subset(want, have map[string]any) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}

func templatesOf(objects []object) []podTemplate {
	var out []podTemplate
	for _, o := range objects {
		var tmpl map[string]any
		switch o.kind() {
		case "Deployment", "StatefulSet", "DaemonSet", "Job":
			tmpl = asMap(dig(o, "spec", "template"))
		case "CronJob":
			tmpl = asMap(dig(o, "spec", "jobTemplate", "spec", "template"))
		default:
			continue
		}
		out = append(out, podTemplate{
			owner:     o.id(),
			namespace: o.namespace(),
			labels:    asMap(dig(tmpl, "metadata", "labels")),
			spec:      asMap(tmpl["spec"]),
		})
	}
	return out
}

func containersOf(spec map[string]any) []map[string]any {
	var out []map[string]any
	for _, key := range []string{"initContainers", "containers"} {
		for _, c := range asList(spec[key]) {
			out = append(out, asMap(c))
		}
	}
	return out
}

func portNames(spec map[string]any) map[string]bool {
	names := map[string]bool{}
	for _, c := range containersOf(spec) {
		for _, p := range asList(c["ports"]) {
			pm := asMap(p)
			if n := asString(pm["name"]); n != "" {
				names[n] = true
			}
			if n, ok := pm["containerPort"]; ok {
				names[fmt.Sprint(n)] = true
			}
		}
	}
	return names
}

func crossCheck(objects []object, external []string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	byKey := map[string]object{}
	for _, o := range objects {
		byKey[o.namespace()+"/"+o.id()] = o
	}
	externalSecrets := map[string]bool{}
	for _, name := range external {
		externalSecrets[name] = true
	}
	templates := templatesOf(objects)
	matching := func(ns string, selector map[string]any) []podTemplate {
		var out []podTemplate
		for _, t := range templates {
			if t.namespace == ns && subset(selector, t.labels) {
				out = append(out, t)
			}
		}
		return out
	}
	configMapKeys := func(ns, name string) (map[string]any, bool) {
		o, ok := byKey[ns+"/ConfigMap/"+name]
		if !ok {
			return nil, false
		}
		return asMap(o["data"]), true
	}
	secretKeys := func(ns, name string) (map[string]any, bool) {
		o, ok := byKey[ns+"/Secret/"+name]
		if !ok {
			return nil, externalSecrets[name]
		}
		keys := map[string]any{}
		for k, v := range asMap(o["data"]) {
			keys[k] = v
		}
		for k, v := range asMap(o["stringData"]) {
			keys[k] = v
		}
		return keys, true
	}

	for _, o := range objects {
		if o.kind() == "Deployment" || o.kind() == "StatefulSet" {
			sel := asMap(dig(o, "spec", "selector", "matchLabels"))
			if len(sel) == 0 || !subset(sel, asMap(dig(o, "spec", "template", "metadata", "labels"))) {
				bad("%s: spec.selector.matchLabels must be non-empty and match the pod template labels", o.id())
			}
		}
	}

	for _, t := range templates {
		optional := func(ref map[string]any) bool { v, _ := ref["optional"].(bool); return v }
		for _, v := range asList(t.spec["volumes"]) {
			vm := asMap(v)
			if cm := asMap(vm["configMap"]); cm != nil && !optional(cm) {
				if _, ok := configMapKeys(t.namespace, asString(cm["name"])); !ok {
					bad("%s: volume ConfigMap %q not found", t.owner, cm["name"])
				}
			}
			if s := asMap(vm["secret"]); s != nil && !optional(s) {
				if _, ok := secretKeys(t.namespace, asString(s["secretName"])); !ok {
					bad("%s: volume Secret %q not found", t.owner, s["secretName"])
				}
			}
		}
		names := portNames(t.spec)
		for _, c := range containersOf(t.spec) {
			cname := asString(c["name"])
			if asString(c["image"]) == "" {
				bad("%s/%s: no image", t.owner, cname)
			}
			for _, e := range asList(c["envFrom"]) {
				em := asMap(e)
				if ref := asMap(em["configMapRef"]); ref != nil && !optional(ref) {
					if _, ok := configMapKeys(t.namespace, asString(ref["name"])); !ok {
						bad("%s/%s: envFrom ConfigMap %q not found", t.owner, cname, ref["name"])
					}
				}
				if ref := asMap(em["secretRef"]); ref != nil && !optional(ref) {
					if _, ok := secretKeys(t.namespace, asString(ref["name"])); !ok {
						bad("%s/%s: envFrom Secret %q not found", t.owner, cname, ref["name"])
					}
				}
			}
			for _, e := range asList(c["env"]) {
				em := asMap(e)
				if ref := asMap(dig(em, "valueFrom", "configMapKeyRef")); ref != nil && !optional(ref) {
					keys, ok := configMapKeys(t.namespace, asString(ref["name"]))
					if !ok {
						bad("%s/%s: env %s: ConfigMap %q not found", t.owner, cname, em["name"], ref["name"])
					} else if _, has := keys[asString(ref["key"])]; !has {
						bad("%s/%s: env %s: ConfigMap %q has no key %q", t.owner, cname, em["name"], ref["name"], ref["key"])
					}
				}
				if ref := asMap(dig(em, "valueFrom", "secretKeyRef")); ref != nil && !optional(ref) {
					keys, ok := secretKeys(t.namespace, asString(ref["name"]))
					if !ok {
						bad("%s/%s: env %s: Secret %q not found", t.owner, cname, em["name"], ref["name"])
					} else if keys != nil {
						if _, has := keys[asString(ref["key"])]; !has {
							bad("%s/%s: env %s: Secret %q has no key %q", t.owner, cname, em["name"], ref["name"], ref["key"])
						}
					}
				}
			}
			for _, probe := range []string{"livenessProbe", "readinessProbe", "startupProbe"} {
				p := asMap(c[probe])
				if p == nil {
					continue
				}
				port := dig(p, "httpGet", "port")
				if port == nil {
					port = dig(p, "tcpSocket", "port")
				}
				if port != nil && !names[fmt.Sprint(port)] {
					bad("%s/%s: %s port %v is not a container port", t.owner, cname, probe, port)
				}
			}
		}
	}

	for _, o := range objects {
		ns := o.namespace()
		switch o.kind() {
		case "Service":
			sel := asMap(dig(o, "spec", "selector"))
			if len(sel) == 0 {
				continue // headless or external endpoints
			}
			pods := matching(ns, sel)
			if len(pods) == 0 {
				bad("Service/%s: selector %v matches no pod template", o.name(), sel)
				continue
			}
			for _, p := range asList(dig(o, "spec", "ports")) {
				target := asMap(p)["targetPort"]
				if target == nil {
					target = asMap(p)["port"]
				}
				for _, pod := range pods {
					if !portNames(pod.spec)[fmt.Sprint(target)] {
						bad("Service/%s: targetPort %v is not a port of %s", o.name(), target, pod.owner)
					}
				}
			}
		case "PodDisruptionBudget", "NetworkPolicy":
			path := []string{"spec", "selector", "matchLabels"}
			if o.kind() == "NetworkPolicy" {
				path = []string{"spec", "podSelector", "matchLabels"}
			}
			sel := asMap(dig(o, path...))
			if len(sel) > 0 && len(matching(ns, sel)) == 0 {
				bad("%s: selector %v matches no pod template", o.id(), sel)
			}
		case "HorizontalPodAutoscaler":
			ref := asMap(dig(o, "spec", "scaleTargetRef"))
			if _, ok := byKey[ns+"/"+asString(ref["kind"])+"/"+asString(ref["name"])]; !ok {
				bad("%s: scale target %s/%s not found", o.id(), ref["kind"], ref["name"])
			}
		case "Ingress":
			for _, rule := range asList(dig(o, "spec", "rules")) {
				for _, path := range asList(dig(rule, "http", "paths")) {
					svc := asMap(dig(path, "backend", "service"))
					target, ok := byKey[ns+"/Service/"+asString(svc["name"])]
					if !ok {
						bad("%s: backend Service %q not found", o.id(), svc["name"])
						continue
					}
					if !servicePort(target, asMap(svc["port"])) {
						bad("%s: Service %q has no port %v", o.id(), svc["name"], svc["port"])
					}
				}
			}
		case "ServiceMonitor":
			sel := asMap(dig(o, "spec", "selector", "matchLabels"))
			var services []object
			for _, s := range objects {
				if s.kind() == "Service" && s.namespace() == ns && subset(sel, asMap(dig(s, "metadata", "labels"))) {
					services = append(services, s)
				}
			}
			if len(services) == 0 {
				bad("%s: selector %v matches no Service", o.id(), sel)
			}
			for _, ep := range asList(dig(o, "spec", "endpoints")) {
				port := asString(asMap(ep)["port"])
				for _, s := range services {
					if !servicePort(s, map[string]any{"name": port}) {
						bad("%s: Service %s has no port named %q", o.id(), s.name(), port)
					}
				}
			}
		}
	}
	return problems
}

func servicePort(svc object, want map[string]any) bool {
	for _, p := range asList(dig(svc, "spec", "ports")) {
		pm := asMap(p)
		if name := asString(want["name"]); name != "" && pm["name"] == name {
			return true
		}
		if num, ok := want["number"]; ok && fmt.Sprint(pm["port"]) == fmt.Sprint(num) {
			return true
		}
	}
	return false
}

