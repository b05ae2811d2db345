global using System.Collections.Generic;
global using System.Linq;
global using Lux;
global using Lux.NixOSOptions;
global using Lux.HomeManagerOptions;
