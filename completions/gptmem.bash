# bash completion for gptmem.
#
# Every candidate comes from 'gptmem __complete WORD... CURRENT', which reads the program's own
# command model and the live profiles, tags and memory ids, so this file never changes when a
# command or option does. Its first line says what to complete: 'words' (the lines that follow,
# each "value<TAB>description"), or 'files' or 'dirs', left to readline's own file-name completion.

_gptmem() {
    local line=${COMP_LINE:0:COMP_POINT} pos=0 n=-1 i gap piece
    local -a words=()
    # bash also splits words at '=' and ':' (COMP_WORDBREAKS); join what was typed without a space
    # in between, so gptmem sees '--profile=tr' as the one word it is.
    for ((i = 0; i <= COMP_CWORD; i++)); do
        gap=${line:pos}
        gap=${gap%%[![:space:]]*}
        pos=$((pos + ${#gap}))
        piece=${COMP_WORDS[i]}
        ((i == COMP_CWORD)) && piece=${line:pos}
        if ((n >= 0)) && [[ -z $gap ]]; then
            words[n]+=$piece
        else
            words[++n]=$piece
        fi
        pos=$((pos + ${#piece}))
    done
    # Readline replaces only what follows the last of those characters: candidates lose what precedes it.
    local breaks=${COMP_WORDBREAKS//[[:space:]\"\']/} prefix=''
    [[ -n $breaks ]] && prefix=${words[n]%"${words[n]##*[$breaks]}"}

    local -a lines
    mapfile -t lines < <(gptmem __complete "${words[@]:1}" 2>/dev/null </dev/null)
    COMPREPLY=()
    case ${lines[0]} in
        files) compopt -o default ;;
        dirs) compopt -o dirnames ;;
        words)
            local entry value width=0
            for entry in "${lines[@]:1}"; do
                value=${entry%%$'\t'*}
                COMPREPLY+=("${value#"$prefix"}")
                ((${#value} > width)) && width=${#value}
            done
            # With more than one candidate, show each one's description beside it, as zsh and fish
            # do; the values still differ before the descriptions, so what bash inserts is a value.
            # Not when each candidate in turn is put on the line (menu-complete, insert-completions).
            if ((${#COMPREPLY[@]} > 1)) && [[ $COMP_TYPE != 37 && $COMP_TYPE != 42 ]]; then
                for i in "${!COMPREPLY[@]}"; do
                    entry=${lines[i + 1]}
                    [[ $entry == *$'\t'* ]] || continue
                    printf -v entry '%-*s  (%s)' "$width" "${entry%%$'\t'*}" "${entry#*$'\t'}"
                    entry=${entry#"$prefix"}
                    ((COLUMNS > 8 && ${#entry} > COLUMNS - 2)) && entry="${entry:0:COLUMNS-4}…)"
                    COMPREPLY[i]=$entry
                done
            fi
            ;;
    esac
    return 0
}

complete -F _gptmem gptmem
