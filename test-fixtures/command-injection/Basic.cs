using System.Diagnostics;

class Runner
{
    const string Listing = "/c dir C:\\logs";

    void ListFolder(string folder)
    {
        // vigil-expect: command-injection
        Process.Start("cmd.exe", "/c dir " + folder);
    }

    void Ping(string host)
    {
        // vigil-expect: command-injection
        var psi = new ProcessStartInfo("/bin/bash", $"-c \"ping -c 1 {host}\"");
        Process.Start(psi);
    }

    void Script(string body)
    {
        var psi = new ProcessStartInfo
        {
            FileName = "powershell.exe",
            // vigil-expect: command-injection
            Arguments = "-Command " + body,
        };
        Process.Start(psi);
    }

    void ListFixed()
    {
        // vigil-ok: command-injection
        Process.Start("cmd.exe", "/c dir C:\\logs");
    }

    void PingSafe(string host)
    {
        var psi = new ProcessStartInfo("ping");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(host);
        // vigil-ok: command-injection
        Process.Start(psi);
    }

    void Notepad(string file)
    {
        // vigil-ok: command-injection
        Process.Start("notepad.exe", file);
    }

    void Args(string file)
    {
        // vigil-ok: command-injection
        var psi = new ProcessStartInfo { FileName = "git", Arguments = "log -- " + file };
    }
}
