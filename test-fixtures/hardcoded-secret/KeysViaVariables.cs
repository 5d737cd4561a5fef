using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Example.Auth
{
    public class KeysViaVariables
    {
        private const string K = "m4Xp9Rt2Lw7q";

        public HMACSHA256 Mac()
        {
            // vigil-expect: hardcoded-secret
            return new HMACSHA256(Encoding.UTF8.GetBytes(K));
        }

        public NetworkCredential Login(string user)
        {
            var p = "Vb6-Hn3q-Tz";
            // vigil-expect: hardcoded-secret
            return new NetworkCredential(user, p);
        }

        public NetworkCredential Typed(string user, string typed)
        {
            // vigil-ok: hardcoded-secret
            return new NetworkCredential(user, typed);
        }
    }
}
