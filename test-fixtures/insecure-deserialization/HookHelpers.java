package com.example.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

public class HookHelpers implements java.io.Serializable {
    private transient List<Object> children = new ArrayList<>();

    // The class's own hook hands its stream to a helper: the outer load reading that stream is the risk.
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        readChildren(in, children);
    }

    protected final void readChildren(ObjectInputStream in, Collection<Object> into) throws IOException, ClassNotFoundException {
        int n = in.readInt();
        while (n-- > 0) {
            // vigil-ok: insecure-deserialization
            into.add(in.readObject());
        }
    }

    public Object open(InputStream raw) throws Exception {
        return readOne(new ObjectInputStream(raw));
    }

    private Object readOne(ObjectInputStream in) throws Exception {
        // Called with a stream over any input, not a hook's.
        // vigil-expect: insecure-deserialization
        return in.readObject();
    }
}
