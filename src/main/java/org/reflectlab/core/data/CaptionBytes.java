package org.reflectlab.core.data;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A caption as plain bytes, structure and all (not re-parsed from its text), so a caption that
 * crosses to another node is the very same record there.
 */
public final class CaptionBytes {

    private CaptionBytes() {
    }

    public static void write(DataOutput out, Caption c) throws IOException {
        out.writeByte(c.clauses().size());
        for (Clause k : c.clauses()) {
            out.writeInt(k.count());
            out.writeByte(k.shape().ordinal());
            out.writeByte(k.color() == null ? -1 : k.color().ordinal());
            out.writeByte(k.size() == null ? -1 : k.size().ordinal());
            out.writeByte(k.cell() == null ? -1 : k.cell().row());
            out.writeByte(k.cell() == null ? -1 : k.cell().col());
        }
        out.writeByte(c.relation() == null ? -1 : c.relation().ordinal());
    }

    public static Caption read(DataInput in) throws IOException {
        int n = in.readByte();
        if (n < 1 || n > 8) {
            throw new IOException("implausible clause count " + n);
        }
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int count = in.readInt();
            Shape shape = Shape.values()[in.readByte()];
            int color = in.readByte();
            int size = in.readByte();
            int row = in.readByte();
            int col = in.readByte();
            clauses.add(new Clause(count, shape, color < 0 ? null : ShapeColor.values()[color], size < 0 ? null : Size.values()[size],
                    row < 0 ? null : new Cell(row, col)));
        }
        int relation = in.readByte();
        return new Caption(clauses, relation < 0 ? null : Relation.values()[relation]);
    }
}
