#!/bin/sh
# Argo CD Config Management Plugin "generate" for sts-kustomize, run by the CMP server in the
# application's directory. The Application's parameters arrive as PARAM_* environment
# variables; they are applied with `sts-kustomize edit` on a scratch copy of the repository
# (never on the checked-out files), then the app is built.
#   PARAM_IMAGES     space-separated  name=newName:tag@digest …     (edit set image)
#   PARAM_REPLICAS   space-separated  name=count …                  (edit set replicas)
#   PARAM_NAMESPACE  one namespace                                  (edit set namespace)
#   PARAM_STORAGE    space-separated  name[/claim]=size …           (edit set storage)
#   PARAM_STORAGE_CLASS  a storage class for those storage entries
# Array parameters (PARAM_IMAGES_0, PARAM_IMAGES_1, …) are accepted too.
set -eu
bin="${STS_KUSTOMIZE:-sts-kustomize}"
app="$(pwd -P)"
# The CMP server runs us in the app's directory inside the repository checkout
# (ARGOCD_APP_SOURCE_PATH is that directory relative to the checkout); copy the whole
# checkout so bases outside the app directory resolve as they do in the repository.
src="${ARGOCD_APP_SOURCE_PATH:-.}"
src="${src%/}"
case "$src" in ""|.) root="$app" ;; *) root="${app%/"$src"}" ;; esac
rel="${app#"$root"}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -a "$root/." "$scratch/"
cd "$scratch$rel"

values() { # NAME: the space-separated value of PARAM_NAME plus PARAM_NAME_0, _1, …
  eval "printf '%s ' \"\${PARAM_$1:-}\""
  i=0
  while eval "[ -n \"\${PARAM_$1_$i+x}\" ]"; do eval "printf '%s ' \"\${PARAM_$1_$i}\""; i=$((i + 1)); done
}

images="$(values IMAGES)"
replicas="$(values REPLICAS)"
storage="$(values STORAGE)"
# shellcheck disable=SC2086 # word splitting is the point: one argument per entry
[ -z "${images% }" ] || "$bin" edit set image $images
# shellcheck disable=SC2086
[ -z "${replicas% }" ] || "$bin" edit set replicas $replicas
[ -z "${PARAM_NAMESPACE:-}" ] || "$bin" edit set namespace -- "$PARAM_NAMESPACE"
if [ -n "${storage% }" ]; then
  # shellcheck disable=SC2086
  if [ -n "${PARAM_STORAGE_CLASS:-}" ]; then "$bin" edit set storage --storage-class "$PARAM_STORAGE_CLASS" $storage
  else "$bin" edit set storage $storage; fi
fi
exec "$bin" build .
