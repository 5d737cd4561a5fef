package com.example.io;

import java.beans.XMLDecoder;
import java.io.InputStream;
import java.io.ObjectInputStream;
import com.fasterxml.jackson.databind.ObjectMapper;

public class Loader {
    public Object fromStream(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        // vigil-expect: insecure-deserialization
        return ois.readObject();
    }

    public Object inline(InputStream in) throws Exception {
        // vigil-expect: insecure-deserialization
        return new ObjectInputStream(in).readObject();
    }

    public Object beans(InputStream in) {
        // vigil-expect: insecure-deserialization
        XMLDecoder decoder = new XMLDecoder(in);
        return decoder.readObject();
    }

    public ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        // vigil-expect: insecure-deserialization
        m.enableDefaultTyping();
        return m;
    }

    public Dto good(InputStream in, ObjectMapper mapper) throws Exception {
        // vigil-ok: insecure-deserialization
        return mapper.readValue(in, Dto.class);
    }

    public Object other(Reader reader) throws Exception {
        // vigil-ok: insecure-deserialization
        return reader.readObject();
    }

    private void readObject(ObjectInputStream in) throws Exception {
        in.defaultReadObject();
        // vigil-ok: insecure-deserialization
        this.cache = (java.util.Map<String, String>) in.readObject();
    }

    private java.util.Map<String, String> cache;

    interface Reader {
        Object readObject();
    }

    static class Dto {}
}
