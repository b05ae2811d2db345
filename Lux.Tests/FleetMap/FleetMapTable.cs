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

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
}
