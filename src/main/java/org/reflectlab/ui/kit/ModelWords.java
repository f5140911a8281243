package org.reflectlab.ui.kit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.reflectlab.core.aphasia.Loss;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.Relation;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.reflect.Complaint;

/**
 * The models' own English words (captions, the critic's and the judge's feedback, readings of a scene, what a telephone
 * round lost) shown in the current language. The models keep reading and writing their token vocabulary; only the display
 * translates: each sentence is parsed into its structure with the project's grammar ({@link CaptionParser},
 * {@link Complaint}, {@link Loss}) and said again from the structure with the kit bundle's patterns, in Japanese word
 * order (「左上の小さい赤い円」). A sentence that does not parse (a learner's own words) is shown as it is, in English.
 *
 * <p>A {@link Text} is an argument of {@link I18n#tr} like any other; {@link I18n} renders it in the language it formats
 * in, so a {@link I18n.Message} holding one follows a switch.
 */
public final class ModelWords {

    /** The model's words ({@link #english()}) and how to say them in Japanese from their structure. */
    public record Text(String english, Function<Locale, String> japanese) {

        /** The words in {@code locale}: the model's English for English, the structure's rendering for Japanese. */
        public String render(Locale locale) {
            return I18n.JAPANESE.equals(locale) ? japanese.apply(locale) : english;
        }

        @Override
        public String toString() {
            return english;
        }
    }

    private ModelWords() {
    }

    /** A caption ("a red circle left of a blue square"); the English as it is when it does not parse. */
    public static Text caption(String english) {
        return new Text(english, l -> caption(l, english).orElse(english));
    }

    /** Feedback sentences, as the critic or the judge wrote them ("; " between them in English). */
    public static Text feedback(List<String> sentences) {
        return new Text(String.join("; ", sentences), l -> join(l, sentences.stream().map(s -> complaint(l, s).orElse(s)).toList()));
    }

    /** What telephone rounds lost ("; " between them in English). */
    public static Text losses(List<String> lost) {
        return new Text(String.join("; ", lost), l -> join(l, lost.stream().map(s -> loss(l, s).orElse(s)).toList()));
    }

    /** A reader's objects, each "small red circle at top left" (with "a " before each when {@code article}), ", " between. */
    public static Text objects(List<SceneObject> objects, boolean article) {
        String english = String.join(", ", objects.stream().map(o -> (article ? "a " : "") + o.describe()).toList());
        return new Text(english, l -> list(l, objects.stream().map(o -> object(l, o)).toList()));
    }

    /**
     * One reader's label for what stands in a cell, as {@code ReaderComparison} writes it: "small red circle", "large blue
     * blob" (the pixel reader sees no shape), several joined by " and ", or "nothing".
     */
    public static Text reading(String english) {
        return new Text(english, l -> reading(l, english).orElse(english));
    }

    /**
     * Shows the model's English original in a tooltip while the app is in Japanese (a learner may want the model's own
     * words); no tooltip in English, where the control already shows them.
     */
    public static void originalTooltip(Control control, Text text) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("kit.words.original", text.english()));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        control.tooltipProperty().bind(Bindings.when(I18n.localeProperty().isEqualTo(I18n.JAPANESE)).then(tip).otherwise((Tooltip) null));
    }

    /**
     * Why typed words could not be read (a caption, or feedback for the generator), in the current language: from the
     * error's code and arguments where it has them (an unknown word, unreadable characters, nothing typed), else its English
     * sentence as it is.
     */
    public static String parseError(org.reflectlab.core.data.ParseError e) {
        if (e == null) {
            return "";
        }
        String code = e.code() == null ? "" : e.code();
        List<String> a = e.args();
        return switch (code) {
            case "empty" -> I18n.tr("kit.caption.empty");
            case "unreadable" -> I18n.tr("kit.caption.unreadable", a.get(0));
            case "unknown-word" -> a.get(1).isEmpty() ? I18n.tr("kit.caption.unknown", a.get(0)) : I18n.tr("kit.caption.unknown.near", a.get(0), a.get(1));
            case "unknown-feedback-word" -> a.get(1).isEmpty() ? I18n.tr("kit.feedback.unknown", a.get(0))
                    : I18n.tr("kit.feedback.unknown.near", a.get(0), a.get(1));
            default -> e.message();
        };
    }

    /** A caption said in {@code locale} from its parsed structure; empty when it does not parse. */
    public static Optional<String> caption(Locale l, String english) {
        ParseResult r = CaptionParser.parse(english);
        if (!r.ok()) {
            return Optional.empty();
        }
        Caption c = r.caption();
        if (c.relation() != null) {
            return Optional.of(I18n.format(l, "kit.words.related", clause(l, c.clauses().get(0)), clause(l, c.clauses().get(1)),
                    relation(l, c.relation())));
        }
        String out = clause(l, c.clauses().get(0));
        for (Clause next : c.clauses().subList(1, c.clauses().size())) {
            out = I18n.format(l, "kit.words.and", out, clause(l, next));
        }
        return Optional.of(out);
    }

    /** One feedback sentence said in {@code locale}; empty when it is not one of the critic's sentences. */
    public static Optional<String> complaint(Locale l, String english) {
        return Complaint.parse(english).map(c -> say(l, c));
    }

    private static String say(Locale l, Complaint c) {
        // Java 17: no switch over a sealed interface's records yet
        if (c instanceof Complaint.Correct) {
            return I18n.format(l, "kit.words.fb.correct");
        } else if (c instanceof Complaint.Mismatch) {
            return I18n.format(l, "kit.words.fb.mismatch");
        } else if (c instanceof Complaint.ObjectCount x) {
            return I18n.format(l, "kit.words.fb.objects", x.wanted(), x.found());
        } else if (c instanceof Complaint.Missing x) {
            return I18n.format(l, "kit.words.fb.missing", noun(l, x.color(), x.shape()));
        } else if (c instanceof Complaint.WrongCount x) {
            return I18n.format(l, x.found() == 0 ? "kit.words.fb.count.none" : x.found() < x.wanted() ? "kit.words.fb.count.few"
                    : "kit.words.fb.count.many", noun(l, x.color(), x.shape()), x.wanted(), x.found());
        } else if (c instanceof Complaint.WrongColor x) {
            return I18n.format(l, "kit.words.fb.color", shape(l, x.shape()), colorNoun(l, x.wanted()), colorNoun(l, x.seen()));
        } else if (c instanceof Complaint.WrongSize x) {
            return I18n.format(l, "kit.words.fb.size", shape(l, x.shape()), size(l, x.wanted()), size(l, x.seen()));
        } else if (c instanceof Complaint.WrongPlace x) {
            return I18n.format(l, "kit.words.fb.place", shape(l, x.shape()), cell(l, x.wanted()), cell(l, x.seen()));
        }
        Complaint.WrongRelation x = (Complaint.WrongRelation) c;
        if (x.actual() == null) {
            return I18n.format(l, x.wanted() == Relation.LEFT_OF || x.wanted() == Relation.RIGHT_OF ? "kit.words.fb.relation.column"
                    : "kit.words.fb.relation.row", shape(l, x.first()), shape(l, x.second()), relation(l, x.wanted()));
        }
        return I18n.format(l, "kit.words.fb.relation", shape(l, x.first()), shape(l, x.second()), relation(l, x.wanted()),
                relation(l, x.actual()));
    }

    /** One thing a telephone round lost, said in {@code locale}; empty when it is not a round's sentence. */
    public static Optional<String> loss(Locale l, String english) {
        return Loss.parse(english).map(x -> {
            String name = I18n.format(l, "kit.words.object", size(l, x.truth().size()), color(l, x.truth().color()), shape(l, x.truth().shape()));
            return switch (x.kind()) {
                case FINE_POSITION -> I18n.format(l, "kit.words.loss.fine", name);
                case GONE -> I18n.format(l, "kit.words.loss.gone", name, cell(l, x.truth().cell()));
                case SHAPE -> I18n.format(l, "kit.words.loss.shape", name, shape(l, word(Shape.values(), Shape::word, x.now())));
                case SIZE -> I18n.format(l, "kit.words.loss.size", name, size(l, word(Size.values(), Size::word, x.now())));
                case COLOR -> I18n.format(l, "kit.words.loss.color", name, colorNoun(l, word(ShapeColor.values(), ShapeColor::word, x.now())));
            };
        });
    }

    /** A reader's label said in {@code locale}; empty when it is not one. */
    public static Optional<String> reading(Locale l, String english) {
        if (english.equals("nothing")) {
            return Optional.of(I18n.format(l, "kit.words.nothing"));
        }
        String out = null;
        for (String part : english.split(" and ")) {
            String[] w = part.split(" ");
            Size size = w.length == 3 ? find(Size.values(), Size::word, w[0]) : null;
            ShapeColor color = w.length == 3 ? find(ShapeColor.values(), ShapeColor::word, w[1]) : null;
            Shape shape = w.length == 3 ? find(Shape.values(), Shape::word, w[2]) : null;
            if (size == null || color == null || (shape == null && !w[2].equals("blob"))) {
                return Optional.empty();
            }
            String one = I18n.format(l, "kit.words.object", size(l, size), color(l, color),
                    shape == null ? I18n.format(l, "kit.words.blob") : shape(l, shape));
            out = out == null ? one : I18n.format(l, "kit.words.and", out, one);
        }
        return Optional.ofNullable(out);
    }

    /** An object with every captionable attribute: 「左上の小さい赤い円」. */
    public static String object(Locale l, SceneObject o) {
        return clause(l, Clause.describing(o));
    }

    static String clause(Locale l, Clause c) {
        String out = I18n.format(l, "kit.words.object", c.size() == null ? "" : size(l, c.size()),
                c.color() == null ? "" : color(l, c.color()), shape(l, c.shape()));
        if (c.cell() != null) {
            out = I18n.format(l, "kit.words.at", cell(l, c.cell()), out);
        }
        return c.count() > 1 ? I18n.format(l, "kit.words.counted", c.count(), out) : out;
    }

    private static String noun(Locale l, ShapeColor color, Shape shape) {
        return I18n.format(l, "kit.words.object", "", color == null ? "" : color(l, color), shape(l, shape));
    }

    private static String join(Locale l, List<String> sentences) {
        return fold(l, "kit.words.sentences", sentences);
    }

    private static String list(Locale l, List<String> items) {
        return fold(l, "kit.words.list", items);
    }

    private static String fold(Locale l, String key, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String out = items.get(0);
        for (String next : items.subList(1, items.size())) {
            out = I18n.format(l, key, out, next);
        }
        return out;
    }

    private static <T> T word(T[] values, Function<T, String> word, String w) {
        return java.util.Objects.requireNonNull(find(values, word, w), w); // Loss.parse admits only ShapesWorld's words
    }

    private static <T> T find(T[] values, Function<T, String> word, String w) {
        for (T v : values) {
            if (word.apply(v).equals(w)) {
                return v;
            }
        }
        return null;
    }

    // the keys are written out (not built from the enum's name) so that I18nKeysTest sees every one

    public static String shape(Locale l, Shape s) {
        return I18n.format(l, switch (s) {
            case CIRCLE -> "kit.words.shape.circle";
            case SQUARE -> "kit.words.shape.square";
            case TRIANGLE -> "kit.words.shape.triangle";
            case DIAMOND -> "kit.words.shape.diamond";
        });
    }

    /** The color before a noun: 「赤い」. */
    public static String color(Locale l, ShapeColor c) {
        return I18n.format(l, switch (c) {
            case RED -> "kit.words.color.red";
            case ORANGE -> "kit.words.color.orange";
            case YELLOW -> "kit.words.color.yellow";
            case GREEN -> "kit.words.color.green";
            case BLUE -> "kit.words.color.blue";
            case PURPLE -> "kit.words.color.purple";
        });
    }

    /** The color as a noun: 「赤」 (「円は赤のはず」). */
    public static String colorNoun(Locale l, ShapeColor c) {
        return I18n.format(l, switch (c) {
            case RED -> "kit.words.color.red.noun";
            case ORANGE -> "kit.words.color.orange.noun";
            case YELLOW -> "kit.words.color.yellow.noun";
            case GREEN -> "kit.words.color.green.noun";
            case BLUE -> "kit.words.color.blue.noun";
            case PURPLE -> "kit.words.color.purple.noun";
        });
    }

    public static String size(Locale l, Size s) {
        return I18n.format(l, switch (s) {
            case SMALL -> "kit.words.size.small";
            case LARGE -> "kit.words.size.large";
        });
    }

    public static String cell(Locale l, Cell c) {
        return I18n.format(l, switch (c.index()) {
            case 0 -> "kit.words.cell.top-left";
            case 1 -> "kit.words.cell.top";
            case 2 -> "kit.words.cell.top-right";
            case 3 -> "kit.words.cell.left";
            case 4 -> "kit.words.cell.center";
            case 5 -> "kit.words.cell.right";
            case 6 -> "kit.words.cell.bottom-left";
            case 7 -> "kit.words.cell.bottom";
            default -> "kit.words.cell.bottom-right";
        });
    }

    public static String relation(Locale l, Relation r) {
        return I18n.format(l, switch (r) {
            case LEFT_OF -> "kit.words.relation.left-of";
            case RIGHT_OF -> "kit.words.relation.right-of";
            case ABOVE -> "kit.words.relation.above";
            case BELOW -> "kit.words.relation.below";
        });
    }
}
