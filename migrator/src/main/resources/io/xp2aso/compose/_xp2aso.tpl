{{- /*
  xp2aso's named templates for function-go-templating steps rendered by Helm's engine (GoTemplateRewriter calls
  them). Each gets a dict whose "in" is the argument list and sets its "out" to the value the function returns.
*/ -}}

{{- /* Go's default missingkey: a field of a missing key is no value; a field of an explicit null is an error. */ -}}
{{- define "xp2aso.field" -}}
{{- $cur := first .in -}}
{{- $missing := false -}}
{{- $start := true -}}
{{- range $f := rest .in -}}
{{- if not $missing -}}
{{- if kindIs "invalid" $cur -}}
{{- if $start -}}{{- $missing = true -}}{{- else -}}{{- fail (printf "xp2aso@%v: nil pointer evaluating interface {}.%s" $.at $f) -}}{{- end -}}
{{- else if kindIs "map" $cur -}}
{{- if hasKey $cur $f -}}{{- $cur = index $cur $f -}}{{- else -}}{{- $missing = true -}}{{- end -}}
{{- else -}}
{{- fail (printf "xp2aso@%v: can't evaluate field %s in type %s" $.at $f (typeOf $cur)) -}}
{{- end -}}
{{- end -}}
{{- $start = false -}}
{{- end -}}
{{- if $missing -}}{{- $_ := set . "out" nil -}}{{- else -}}{{- $_ := set . "out" $cur -}}{{- end -}}
{{- end -}}

{{- /* Argument count and types, as Go checks them for a function call: (list NAME ARGS (list KIND...)). */ -}}
{{- define "xp2aso.args" -}}
{{- $name := index . 0 -}}{{- $args := index . 1 -}}{{- $kinds := index . 2 -}}{{- $at := index . 3 -}}
{{- if ne (len $args) (len $kinds) -}}
{{- fail (printf "xp2aso@%v: wrong number of args for %s: want %d got %d" $at $name (len $kinds) (len $args)) -}}
{{- end -}}
{{- range $i, $k := $kinds -}}
{{- $a := index $args $i -}}
{{- /* A nil argument is Go's nil map for a map parameter. */ -}}
{{- if not (or (kindIs $k $a) (and (eq $k "map") (kindIs "invalid" $a))) -}}
{{- fail (printf "xp2aso@%v: wrong type for value; expected %s; got %s" $at (ternary "string" "map[string]interface {}" (eq $k "string")) (typeOf $a)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* Integral float64 numbers (JSON as Helm decodes it) become int64, as Kubernetes' JSON decoding gives the function. */ -}}
{{- define "xp2aso.ints" -}}
{{- range $k, $v := . -}}
{{- if kindIs "float64" $v -}}
{{- if and (eq $v (floor $v)) (lt $v 9.2e18) (gt $v -9.2e18) -}}{{- $_ := set $ $k (int64 $v) -}}{{- end -}}
{{- else if kindIs "map" $v -}}
{{- include "xp2aso.ints" $v -}}
{{- else if kindIs "slice" $v -}}
{{- $l := list -}}
{{- range $v -}}{{- $t := dict "v" . -}}{{- include "xp2aso.ints" $t -}}{{- $l = append $l $t.v -}}{{- end -}}
{{- $_ := set $ $k $l -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "xp2aso.setResourceNameAnnotation" -}}
{{- include "xp2aso.args" (list "setResourceNameAnnotation" .in (list "string") .at) -}}
{{- $_ := set . "out" (printf "gotemplating.fn.crossplane.io/composition-resource-name: %s" (index .in 0)) -}}
{{- end -}}

{{- define "xp2aso.getComposedResource" -}}
{{- include "xp2aso.args" (list "getComposedResource" .in (list "map" "string") .at) -}}
{{- $_ := set . "out" (dig "observed" "resources" (index .in 1) "resource" (dict) (index .in 0 | default (dict))) -}}
{{- end -}}

{{- define "xp2aso.getCompositeResource" -}}
{{- include "xp2aso.args" (list "getCompositeResource" .in (list "map") .at) -}}
{{- $_ := set . "out" (dig "observed" "composite" "resource" (dict) (index .in 0 | default (dict))) -}}
{{- end -}}

{{- define "xp2aso.getComposedConnectionDetails" -}}
{{- include "xp2aso.args" (list "getComposedConnectionDetails" .in (list "map" "string") .at) -}}
{{- $_ := set . "out" (dig "observed" "resources" (index .in 1) "connectionDetails" (dict) (index .in 0 | default (dict))) -}}
{{- end -}}

{{- define "xp2aso.getExtraResources" -}}
{{- include "xp2aso.args" (list "getExtraResources" .in (list "map" "string") .at) -}}
{{- $req := index .in 0 -}}{{- $name := index .in 1 -}}
{{- $items := dig "requiredResources" $name "items" nil ($req | default (dict)) -}}
{{- if kindIs "invalid" $items -}}{{- $items = dig "extraResources" $name "items" (list) ($req | default (dict)) -}}{{- end -}}
{{- $_ := set . "out" $items -}}
{{- end -}}

{{- define "xp2aso.getExtraResourcesFromContext" -}}
{{- include "xp2aso.args" (list "getExtraResourcesFromContext" .in (list "map" "string") .at) -}}
{{- $_ := set . "out" (dig "context" "apiextensions.crossplane.io/extra-resources" (index .in 1) "items" (list) (index .in 0 | default (dict))) -}}
{{- end -}}

{{- /* crossplane-runtime's ConditionedStatus.GetCondition over resource.status, else status; Unknown when absent. */ -}}
{{- define "xp2aso.getResourceCondition" -}}
{{- include "xp2aso.args" (list "getResourceCondition" .in (list "string" "map") .at) -}}
{{- $ct := index .in 0 -}}{{- $res := index .in 1 -}}
{{- $status := "" -}}
{{- if kindIs "map" (get $res "resource") -}}{{- $status = get (get $res "resource") "status" -}}{{- end -}}
{{- if not (kindIs "map" $status) -}}{{- $status = get $res "status" -}}{{- end -}}
{{- $cond := dict "Type" $ct "Status" "Unknown" "LastTransitionTime" "" "Reason" "" "Message" "" "ObservedGeneration" 0 -}}
{{- $found := false -}}
{{- if kindIs "map" $status -}}
{{- range $c := (get $status "conditions" | default list) -}}
{{- if and (not $found) (kindIs "map" $c) (eq (toString (get $c "type")) $ct) -}}
{{- $found = true -}}
{{- $cond = dict "Type" $ct "Status" (get $c "status") "LastTransitionTime" (get $c "lastTransitionTime") "Reason" (get $c "reason") "Message" (get $c "message") "ObservedGeneration" (get $c "observedGeneration" | default 0) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $_ := set . "out" $cond -}}
{{- end -}}

{{- /* yaml.v3 gives maps, lists and int64 numbers and fails on bad input; Helm's fromYaml returns {"Error": ...}. */ -}}
{{- define "xp2aso.fromYaml" -}}
{{- include "xp2aso.args" (list "fromYaml" .in (list "string") .at) -}}
{{- $s := index .in 0 -}}
{{- $r := fromYaml $s -}}
{{- if and (eq (len $r) 1) (hasKey $r "Error") -}}
{{- if contains "cannot unmarshal array" (get $r "Error") -}}
{{- $r = fromYamlArray $s -}}
{{- else -}}
{{- fail (printf "xp2aso@%v: fromYaml: %s (xp2aso renders only YAML objects and lists here)" $.at (get $r "Error")) -}}
{{- end -}}
{{- end -}}
{{- $t := dict "v" $r -}}{{- include "xp2aso.ints" $t -}}
{{- $_ := set . "out" $t.v -}}
{{- end -}}

{{- /* sprig's fromJson gives any JSON value and nil on bad input; Helm's returns {"Error": ...}: bad input fails here. */ -}}
{{- define "xp2aso.fromJson" -}}
{{- include "xp2aso.args" (list "fromJson" .in (list "string") .at) -}}
{{- $s := index .in 0 -}}
{{- $r := fromJson $s -}}
{{- if and (eq (len $r) 1) (hasKey $r "Error") -}}
{{- if contains "cannot unmarshal array" (get $r "Error") -}}
{{- $r = fromJsonArray $s -}}
{{- else -}}
{{- fail (printf "xp2aso@%v: fromJson: %s (the function's fromJson would give no value here; xp2aso stops instead)" $.at (get $r "Error")) -}}
{{- end -}}
{{- end -}}
{{- $_ := set . "out" $r -}}
{{- end -}}

{{- define "xp2aso.getCredentialData" -}}
{{- include "xp2aso.args" (list "getCredentialData" .in (list "map" "string") .at) -}}
{{- $secrets := include "xp2aso.credentials" . | fromJson -}}
{{- $name := index .in 1 -}}
{{- fail (printf "xp2aso@%v: getCredentialData %q: the credential is read from %s, which xp2aso does not read (it never copies secret values)" $.at $name (get $secrets $name | default "no Secret named in the step's credentials")) -}}
{{- end -}}

{{- define "xp2aso.randomChoice" -}}
{{- fail (printf "xp2aso@%v: randomChoice picks at random on every run: xp2aso cannot render it deterministically" .at) -}}
{{- end -}}
