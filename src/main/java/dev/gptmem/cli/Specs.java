package dev.gptmem.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli models built in code, for every command. Reading them from annotations cost each start
 * about 30 ms: the JDK makes a proxy class per annotation type at run time (Retention, Target,
 * Command, Option, ...), and no class-data cache can hold those. The models are the ones the
 * annotations made, so help, man pages and completion read the same; options bind to the
 * commands' fields the way annotated fields do, through a getter and a setter. A positional
 * parameter built here is not required until it says so, unlike an annotated one.
 */
final class Specs {
    private Specs() {
    }

    /** A command running {@code command}, with its usage header and description (null for none). */
    static CommandSpec command(Object command, String header, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.usageMessage().header(header).autoWidth(true);
        if (description.length > 0) {
            spec.usageMessage().description(description);
        }
        return spec;
    }

    /** Options listed in the order they are added, as a command's help shows them. */
    static CommandSpec unsorted(CommandSpec spec) {
        spec.usageMessage().sortOptions(false);
        return spec;
    }

    /** The examples at the end of a command's help. */
    static CommandSpec examples(CommandSpec spec, String... lines) {
        spec.usageMessage().footerHeading("%nExamples:%n").footer(lines);
        return spec;
    }

    /**
     * An option bound to a field, read through {@code get} and written through {@code set}; what
     * the field holds now is the value picocli resets it to before each parse.
     */
    static <T> OptionSpec.Builder option(Supplier<T> get, Consumer<T> set, String... names) {
        Field<T> field = new Field<>(get, set);
        return OptionSpec.builder(names).getter(field).setter(field).initialValue(get.get());
    }

    /** A value option of type String. */
    static OptionSpec text(Supplier<String> get, Consumer<String> set, String label, String description,
                           String... names) {
        return option(get, set, names).type(String.class).paramLabel(label).description(description).build();
    }

    /** A boolean option that takes no value. */
    static OptionSpec flag(Supplier<Boolean> get, Consumer<Boolean> set, String description, String... names) {
        return option(get, set, names).type(boolean.class).description(description).build();
    }

    /** A repeatable, comma-separated option of strings. */
    static OptionSpec strings(Supplier<List<String>> get, Consumer<List<String>> set, String label,
                              String description, String... names) {
        return option(get, set, names).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .paramLabel(label).description(description).build();
    }

    /** A positional parameter bound to a field. */
    static <T> PositionalParamSpec.Builder parameter(Supplier<T> get, Consumer<T> set, String label) {
        Field<T> field = new Field<>(get, set);
        return PositionalParamSpec.builder().getter(field).setter(field).initialValue(get.get()).paramLabel(label);
    }

    /** At most one of {@code options}. */
    static ArgGroupSpec oneOf(OptionSpec... options) {
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(true).multiplicity("0..1");
        for (OptionSpec option : options) {
            group.addArg(option);
        }
        return group.build();
    }

    /** Picocli's getter and setter, over a field; its methods are generic, so no lambda can be one. */
    private static final class Field<T> implements IGetter, ISetter {
        private final Supplier<T> get;
        private final Consumer<T> set;

        Field(Supplier<T> get, Consumer<T> set) {
            this.get = get;
            this.set = set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            V old = get();
            set.accept((T) value);
            return old;
        }
    }
}
