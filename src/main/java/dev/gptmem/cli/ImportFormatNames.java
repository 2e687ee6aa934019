package dev.gptmem.cli;

import dev.gptmem.core.ImportFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The formats by the names the command line uses, such as {@code gpt-api}. */
final class ImportFormatNames implements ITypeConverter<ImportFormat>, Iterable<String> {
    @Override
    public ImportFormat convert(String value) {
        for (ImportFormat format : ImportFormat.values()) {
            if (format.toString().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '"
                + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ImportFormat.values()).map(ImportFormat::toString).iterator();
    }
}
