global using System.Collections.Generic;
global using System.Linq;
global using Lux;
global using Lux.HomeManagerOptions;
global using Lux.NixOSOptions;
