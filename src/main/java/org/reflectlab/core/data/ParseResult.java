package org.reflectlab.core.data;

/** Either a caption or the reason there is none. */
public record ParseResult(Caption caption, ParseError error) {

    public static ParseResult ok(Caption caption) {
        return new ParseResult(caption, null);
    }

    public static ParseResult failed(ParseError error) {
        return new ParseResult(null, error);
    }

    public boolean ok() {
        return caption != null;
    }
}
