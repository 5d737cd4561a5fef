package com.example.io;

import java.io.InputStream;
import java.io.ObjectInputStream;

public class Receivers {
    private ObjectInputStream field;

    Object fromField() throws Exception {
        // vigil-expect: insecure-deserialization
        return field.readObject();
    }

    Object fromParameter(ObjectInputStream in) throws Exception {
        // vigil-expect: insecure-deserialization
        return in.readUnshared();
    }

    Object inferred(InputStream raw) throws Exception {
        var in = new java.io.ObjectInputStream(raw);
        // vigil-expect: insecure-deserialization
        return in.readObject();
    }

    Object other(Reader reader) throws Exception {
        // vigil-ok: insecure-deserialization
        return reader.readObject();
    }

    interface Reader {
        Object readObject();
    }
}
