using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using System.Web.Script.Serialization;
using Newtonsoft.Json;

public static class Formatters
{
    public static object Binary(Stream s)
    {
        // vigil-expect: insecure-deserialization
        var formatter = new BinaryFormatter();
        return formatter.Deserialize(s);
    }

    public static object Legacy(string json)
    {
        // vigil-expect: insecure-deserialization
        var serializer = new JavaScriptSerializer(new SimpleTypeResolver());
        return serializer.DeserializeObject(json);
    }

    public static object Newtonsoft(string json)
    {
        var settings = new JsonSerializerSettings
        {
            // vigil-expect: insecure-deserialization
            TypeNameHandling = TypeNameHandling.All,
        };
        return JsonConvert.DeserializeObject(json, settings);
    }

    public static T Good<T>(string json)
    {
        // vigil-ok: insecure-deserialization
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
        // vigil-ok: insecure-deserialization
        var plain = new JavaScriptSerializer();
        // vigil-ok: insecure-deserialization
        return JsonSerializer.Deserialize<T>(json);
    }
}
