import com.mongodb.BasicDBObject;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

class UserStore {
    private final MongoCollection<Document> users;

    UserStore(MongoCollection<Document> users) {
        this.users = users;
    }

    Object byName(String name) {
        // vigil-expect: nosql-injection
        return users.find(new BasicDBObject("$where", "this.name == '" + name + "'")).first();
    }

    Object byScript(String name) {
        // vigil-expect: nosql-injection
        return users.find(Filters.where("this.name == '" + name + "'")).first();
    }

    Object byJson(String name) {
        // vigil-expect: nosql-injection
        return users.find(Document.parse("{ \"name\": \"" + name + "\" }")).first();
    }

    Object safe(String name) {
        // vigil-ok: nosql-injection
        Object a = users.find(new Document("name", name)).first();
        // vigil-ok: nosql-injection
        Object b = users.find(new BasicDBObject("$where", "this.visits > this.limit")).first();
        // vigil-ok: nosql-injection
        Object c = users.find(Filters.eq("name", name)).first();
        // vigil-ok: nosql-injection
        Object d = users.find(Document.parse("{ \"active\": true }")).first();
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
