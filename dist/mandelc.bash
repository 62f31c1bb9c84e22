# bash completion for mandelc: its options, their values and KERNEL.py.
#
# The options, the values each takes and the --emit stages are read from
# `mandelc --help`, which mandelc writes from its table of options
# (CLI_OPTIONS in cli.h), so the completion always matches the mandelc
# being completed. Installed as share/bash-completion/completions/mandelc.

# Prints "NAME VALUE" for each option --help lists (VALUE: "" for a flag).
_mandelc_options() {
  sed -n 's/^  \(-., \|    \)--\([a-z0-9-]*\)\(=\([^ ]*\)\)\{0,1\}.*/\2 \4/p' \
    <<<"$1"
}

# The values of option $2 (--help's text in $1): the stages for --emit,
# the words of a choice as a|b, or "FILE" when it names a file.
_mandelc_values() {
  local help=$1 opt=$2 name value
  if [[ $opt == emit ]]; then
    sed -n '/^stages of --emit:/,/^$/s/^  \([a-z0-9-]*\) .*/\1/p' <<<"$help"
    return
  fi
  while read -r name value; do
    [[ $name == "$opt" ]] || continue
    case $value in
      FILE*) echo FILE ;;
      *'|'*) tr '|' '\n' <<<"$value" ;;
    esac
  done < <(_mandelc_options "$help")
}

_mandelc() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local help opt=
  help=$("${COMP_WORDS[0]}" --help 2>/dev/null) || return 0
  COMPREPLY=()
  # --name=VALUE arrives as three words (bash breaks at '='), --name VALUE
  # as two, -j N likewise.
  if [[ $cur == = ]]; then
    opt=${prev#--}
    cur=
  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    opt=${COMP_WORDS[COMP_CWORD-2]#--}
  elif [[ $prev == --* ]]; then
    local name value
    while read -r name value; do
      [[ $name == "${prev#--}" && -n $value ]] && opt=$name
    done < <(_mandelc_options "$help")
  elif [[ $prev == -? ]]; then  # a short option: its long name
    opt=$(sed -n "s/^  $prev, --\([a-z0-9-]*\)=.*/\1/p" <<<"$help")
  fi
  if [[ -n $opt ]]; then
    local values
    values=$(_mandelc_values "$help" "$opt")
    if [[ $values == FILE ]]; then
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    local words=() name value
    while read -r name value; do
      words+=("--$name${value:+=}")
    done < <(_mandelc_options "$help")
    mapfile -t COMPREPLY < <(compgen -W "${words[*]}" -- "$cur")
    [[ ${COMPREPLY[0]-} == *= ]] && compopt -o nospace 2>/dev/null
    return 0
  fi
  mapfile -t COMPREPLY < <(compgen -f -X '!*.py' -- "$cur"
                           compgen -d -- "$cur")
}
complete -F _mandelc mandelc
