# fish completion for gptmem: every candidate comes from 'gptmem __complete', as in gptmem.bash
# beside this file, which describes what it prints.

function __gptmem_complete
    # Installed completions may outlive the program; fish would print an error for a missing command.
    command -q gptmem; or return
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l lines (gptmem __complete $words[2..-1] "$current" 2>/dev/null </dev/null)
    switch "$lines[1]"
        case files dirs
            # '--output=FILE': complete the part after the '=' and keep the option in front.
            set -l option (string match -r -- '^-[^=]*=' $current)
            set -l path (string replace -r -- '^-[^=]*=' '' $current)
            set -l found
            if test "$lines[1]" = dirs
                set found (__fish_complete_directories "$path")
            else
                set found (__fish_complete_path "$path")
            end
            for entry in $found
                echo "$option$entry"
            end
        case words
            printf '%s\n' $lines[2..-1]
    end
end

complete -c gptmem -f -a '(__gptmem_complete)'
