global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using System.Text.Json.Nodes;

[assembly: AssemblyFixture(typeof(Tracker.Web.Tests.TrackerApp))]
[assembly: AssemblyFixture(typeof(Tracker.Web.Tests.Chromium))]
