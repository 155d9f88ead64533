package dev.greenlight.cli.publish;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code TARGET@VERSION}, the way users name a release everywhere in the CLI. */
public record ReleaseRef(String target, String version) {

    public static ReleaseRef parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new TypeConversionException("'" + text + "' is not TARGET@VERSION (e.g. ict-qm@2.1.0)");
        }
        return new ReleaseRef(text.substring(0, at), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return target + "@" + version;
    }

    /** Lets picocli parse positional TARGET@VERSION parameters. */
    public static final class Converter implements ITypeConverter<ReleaseRef> {
        @Override
        public ReleaseRef convert(String value) {
            return parse(value);
        }
    }
}
