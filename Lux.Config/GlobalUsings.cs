global using System.Collections.Generic;
global using System.Linq;
global using Lux;
