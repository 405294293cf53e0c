package main

import "fmt"

// policyCheck enforces what every GoSight workload must have (pods labelled
// app.kubernetes.io/part-of=gosight): resource requests and a memory limit,
// health probes on long-running containers, and the restricted security
// settings (non-root, no privilege escalation, read-only root filesystem,
// all capabilities dropped).
func policyCheck(objects []object) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, t := range templatesOf(objects) {
		if t.labels["app.kubernetes.io/part-of"] != "gosight" {
			continue
		}
		longRunning := !hasPrefix(t.owner, "Job/") && !hasPrefix(t.owner, "CronJob/")
		podNonRoot, _ := dig(t.spec, "securityContext", "runAsNonRoot").(bool)
		for _, c := range containersOf(t.spec) {
			where := t.owner + "/" + asString(c["name"])
			if dig(c, "resources", "requests", "cpu") == nil || dig(c, "resources", "requests", "memory") == nil {
				bad("%s: needs resources.requests.cpu and .memory", where)
			}
			if dig(c, "resources", "limits", "memory") == nil {
				bad("%s: needs resources.limits.memory", where)
			}
			nonRoot, set := dig(c, "securityContext", "runAsNonRoot").(bool)
			if !(podNonRoot && !set) && !nonRoot {
				bad("%s: must run as non-root (runAsNonRoot)", where)
			}
			if v, _ := dig(c, "securityContext", "allowPrivilegeEscalation").(bool); v || dig(c, "securityContext", "allowPrivilegeEscalation") == nil {
				bad("%s: needs securityContext.allowPrivilegeEscalation: false", where)
			}
			if v, _ := dig(c, "securityContext", "readOnlyRootFilesystem").(bool); !v {
				bad("%s: needs securityContext.readOnlyRootFilesystem: true", where)
			}
			if drop := asList(dig(c, "securityContext", "capabilities", "drop")); len(drop) != 1 || drop[0] != "ALL" {
				bad("%s: needs securityContext.capabilities.drop: [ALL]", where)
			}
		}
		if longRunning {
			for _, c := range asList(t.spec["containers"]) {
				cm := asMap(c)
				if cm["livenessProbe"] == nil || cm["readinessProbe"] == nil {
					bad("%s/%s: needs livenessProbe and readinessProbe", t.owner, cm["name"])
				}
			}
		}
	}
	return problems
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }
