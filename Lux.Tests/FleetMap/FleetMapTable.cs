using Lux.Generators.Emit;

namespace Lux.Tests.FleetMap;

/// <summary>The host × column tables of one section of FLEET.md, read back cell by cell (every page of a split table).</summary>
internal static class FleetMapTable
{
    /// <summary>(host, column header) → cell text, for the tables under the heading <paramref name="section"/>.</summary>
    public static Dictionary<(string Host, string Column), string> Read(string markdown, string section)
    {
        var lines = markdown.Split('\n');
        var start = Array.IndexOf(lines, "## " + section);
        start.Should().BeGreaterThan(0, "FLEET.md has a section '" + section + "'");
        var cells = new Dictionary<(string, string), string>();
        string[]? header = null;
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (!lines[i].StartsWith('|'))
            {
                header = null;
                continue;
            }
            var row = Cells(lines[i]);
            if (header is null)
            {
                header = row;
                i++; // the | --- | line
                continue;
            }
            for (var c = 1; c < row.Length; c++)
                cells.Add((row[0], header[c]), row[c]);
        }
        return cells;
    }

    /// <summary>
    /// Each host's users as "Hosts × users" shows them: the ✓ cells of the matrix (every other cell must be the
    /// absent mark), or the names in the one Users column that a fleet with many users gets instead.
    /// </summary>
    public static Dictionary<string, List<string>> UsersByHost(string markdown)
    {
        var cells = Read(markdown, "Hosts × users");
        var hosts = cells.Keys.Select(k => k.Host).Distinct().ToDictionary(h => h, _ => new List<string>());
        if (cells.Keys.All(k => k.Column == "Users"))
        {
            foreach (var ((host, _), names) in cells)
                hosts[host].AddRange(names.Split(", ", StringSplitOptions.RemoveEmptyEntries));
            return hosts;
        }
        foreach (var ((host, user), cell) in cells)
        {
            cell.Should().BeOneOf("✓", FleetMapEmitter.Absent);
            if (cell == "✓")
                hosts[host].Add(user);
        }
        return hosts;
    }

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
}
