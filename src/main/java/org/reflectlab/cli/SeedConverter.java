package org.reflectlab.cli;

import picocli.CommandLine;

/** --seed in every command: a whole number, 0 or more (some commands derive further seeds from it by adding). */
final class SeedConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        long seed;
        try {
            seed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (seed < 0) {
            throw new CommandLine.TypeConversionException("a seed is 0 or more, not " + seed);
        }
        return seed;
    }
}
